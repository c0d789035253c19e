package org.iopcare.scheduling.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.iopcare.events.BookingReason;
import org.iopcare.events.CancellationReason;
import org.iopcare.scheduling.enrollment.ClientEnrollment;
import org.iopcare.scheduling.track.ProgramTrack;
import org.iopcare.scheduling.track.Tracks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a client's schedule from their enrollment: a seat in the track (or its waitlist) and the
 * sessions up to the horizon; a re-enrollment starts the schedule over. Every session created or
 * cancelled is published through the outbox in the caller's transaction.
 */
@Service
class ScheduleBuilder {

    private static final Logger log = LoggerFactory.getLogger(ScheduleBuilder.class);

    private final Tracks tracks;
    private final ScheduleStore schedules;
    private final ScheduleExtension extension;
    private final Waitlist waitlist;
    private final SessionOutbox published;
    private final Clock clock;

    ScheduleBuilder(
            Tracks tracks,
            ScheduleStore schedules,
            ScheduleExtension extension,
            Waitlist waitlist,
            SessionOutbox published,
            Clock clock) {
        this.tracks = tracks;
        this.schedules = schedules;
        this.extension = extension;
        this.waitlist = waitlist;
        this.published = published;
        this.clock = clock;
    }

    /**
     * Plans a client's schedule from their (new) enrollment. A re-enrollment (another track, start
     * date or clinician) cancels every upcoming session and plans again, in one transaction.
     */
    @Transactional
    public void plan(ClientEnrollment enrollment) {
        Instant now = clock.instant();
        Optional<ProgramTrack> known = tracks.find(enrollment.trackCode());
        if (known.isEmpty()) {
            log.warn("Enrollment {} names a track scheduling does not know; not scheduled", enrollment.enrollmentId());
            return;
        }
        Optional<ClientSchedule> previous = schedules.lock(enrollment.clientId());
        previous.ifPresent(p -> published.cancelUpcoming(p.clientId(), now, CancellationReason.TRACK_CHANGE, now));
        schedules.forgetTransfer(enrollment.clientId());
        previous.ifPresent(p -> schedules.endOn(p.clientId(), null));
        ProgramTrack track = tracks.lock(enrollment.trackCode());
        boolean keepsSeat = previous.filter(p -> p.status() == ClientSchedule.Status.ACTIVE
                        && p.trackCode().equals(track.code()))
                .isPresent();
        ClientSchedule.Status status = keepsSeat ? ClientSchedule.Status.ACTIVE : waitlist.placeIn(track);
        ClientSchedule schedule = new ClientSchedule(
                enrollment.clientId(),
                track.code(),
                status,
                enrollment.startDate(),
                enrollment.primaryClinicianId(),
                enrollment.ageGroup(),
                null);
        schedules.save(schedule, now);
        extension.extend(schedule, track, now, BookingReason.ENROLLMENT);
        previous.filter(p -> p.status() == ClientSchedule.Status.ACTIVE
                        && !p.trackCode().equals(track.code()))
                .ifPresent(p -> waitlist.promote(p.trackCode(), now));
    }
}
