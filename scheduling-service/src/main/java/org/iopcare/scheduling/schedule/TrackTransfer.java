package org.iopcare.scheduling.schedule;

import java.time.Instant;
import java.time.LocalDate;
import org.iopcare.events.BookingReason;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.SessionKind;
import org.iopcare.scheduling.track.ProgramTrack;
import org.iopcare.scheduling.track.Tracks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Moves a client to another track within their enrollment, from an effective day on. */
@Service
class TrackTransfer {

    private final Tracks tracks;
    private final ScheduleStore schedules;
    private final SessionStore sessions;
    private final ScheduleExtension extension;
    private final Waitlist waitlist;
    private final SessionOutbox published;

    TrackTransfer(
            Tracks tracks,
            ScheduleStore schedules,
            SessionStore sessions,
            ScheduleExtension extension,
            Waitlist waitlist,
            SessionOutbox published) {
        this.tracks = tracks;
        this.schedules = schedules;
        this.sessions = sessions;
        this.extension = extension;
        this.waitlist = waitlist;
        this.published = published;
    }

    /**
     * Moves a client to another track from {@code effective} on, within their enrollment: the
     * previous track's sessions are planned up to the day before (where the horizon had not reached
     * yet), its group sessions from that day are cancelled ({@code TRACK_CHANGE}), the client takes a
     * seat in the new track, or its waitlist when the track is full, and its meetings from that day
     * are booked; a freed seat promotes the previous track's waitlist. Individual sessions and
     * check-ins stay. One transaction; every session published.
     */
    @Transactional
    public void transfer(ClientSchedule current, String trackCode, LocalDate effective, Instant now) {
        ProgramTrack previous = tracks.lock(current.trackCode());
        LocalDate dayBefore = effective.minusDays(1);
        if (current.status() != ClientSchedule.Status.ENDED
                && (current.scheduledThrough() == null
                        || current.scheduledThrough().isBefore(dayBefore))) {
            extension.extend(current, previous, now, dayBefore, BookingReason.HORIZON);
        }
        ClientSchedule extended = schedules.find(current.clientId()).orElse(current);
        sessions
                .lockUpcoming(
                        current.clientId(),
                        effective.atStartOfDay(previous.zone()).toInstant())
                .stream()
                .filter(session -> session.kind() == SessionKind.GROUP)
                .forEach(session -> published.cancel(session, CancellationReason.TRACK_CHANGE, now));
        ProgramTrack track = tracks.lock(trackCode);
        ClientSchedule.Status status = waitlist.placeIn(track);
        schedules.recordTransfer(current.clientId(), previous.code(), track.code(), effective, now);
        ClientSchedule moved = new ClientSchedule(
                current.clientId(),
                track.code(),
                status,
                current.startDate(),
                current.clinicianId(),
                current.ageGroup(),
                // from the effective day on, the new track's meetings are still to be booked
                extended.scheduledThrough() == null
                                || extended.scheduledThrough().isBefore(dayBefore)
                        ? extended.scheduledThrough()
                        : dayBefore);
        schedules.save(moved, now);
        extension.extend(moved, track, now, BookingReason.TRANSFER);
        if (current.status() == ClientSchedule.Status.ACTIVE) {
            waitlist.promote(previous.code(), now);
        }
    }
}
