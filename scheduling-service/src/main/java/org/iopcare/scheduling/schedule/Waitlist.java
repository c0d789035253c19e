package org.iopcare.scheduling.schedule;

import java.time.Instant;
import java.util.Optional;
import org.iopcare.events.BookingReason;
import org.iopcare.scheduling.track.ProgramTrack;
import org.iopcare.scheduling.track.Tracks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A track's capacity: a client joining takes a free seat or waits on the track's waitlist, and a
 * freed seat goes to the first client waiting, whose group sessions are then booked.
 */
@Service
class Waitlist {

    private static final Logger log = LoggerFactory.getLogger(Waitlist.class);

    private final Tracks tracks;
    private final ScheduleStore schedules;
    private final ScheduleExtension extension;

    Waitlist(Tracks tracks, ScheduleStore schedules, ScheduleExtension extension) {
        this.tracks = tracks;
        this.schedules = schedules;
        this.extension = extension;
    }

    /** ACTIVE when the (locked) track has a free seat, else WAITLISTED. */
    ClientSchedule.Status placeIn(ProgramTrack track) {
        return schedules.countActive(track.code()) < track.capacity()
                ? ClientSchedule.Status.ACTIVE
                : ClientSchedule.Status.WAITLISTED;
    }

    /** Gives free seats of a track to the first clients on its waitlist. */
    @Transactional
    public void promote(String trackCode, Instant now) {
        ProgramTrack track = tracks.lock(trackCode);
        while (schedules.countActive(trackCode) < track.capacity()) {
            Optional<ClientSchedule> first = schedules.firstWaiting(trackCode);
            if (first.isEmpty()) {
                return;
            }
            ClientSchedule w = first.get();
            // Back to the start: the group sessions of the whole horizon are now theirs to book.
            ClientSchedule active = new ClientSchedule(
                    w.clientId(),
                    trackCode,
                    ClientSchedule.Status.ACTIVE,
                    w.startDate(),
                    w.clinicianId(),
                    w.ageGroup(),
                    null);
            schedules.save(active, now);
            log.info("Client {} promoted from the waitlist of {}", w.clientId(), trackCode);
            extension.extend(active, track, now, BookingReason.WAITLIST_PROMOTION);
        }
    }
}
