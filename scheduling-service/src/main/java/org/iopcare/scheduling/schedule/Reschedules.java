package org.iopcare.scheduling.schedule;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionRescheduled;
import org.iopcare.scheduling.attendance.BelowMinimumProjection;
import org.iopcare.scheduling.track.ProgramTrack;
import org.iopcare.scheduling.track.Tracks;
import org.iopcare.support.outbox.Outbox;
import org.iopcare.support.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves one client session to another time, keeping its id: an individual session or check-in into
 * a clinician's weekly hours, a group seat into the group meeting of its track (or another track)
 * on another day. Published once as {@code session-rescheduled}, never as a cancellation and a new
 * booking.
 */
@Service
class Reschedules {

    /**
     * Where a session moves to.
     *
     * @param localStart the new start, local time in the session's zone (for a group seat moving to
     *     another track, in that track's zone)
     * @param clinicianId individual sessions and check-ins: another clinician to hold it; absent keeps the clinician
     * @param trackCode group seats: the track whose meeting the seat moves to; absent keeps the track
     */
    record Request(
            @NotNull LocalDateTime localStart,

            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
            String clinicianId,

            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}") String trackCode) {}

    private final SessionStore sessions;
    private final ScheduleStore schedules;
    private final Tracks tracks;
    private final Outbox outbox;
    private final BelowMinimumProjection weeks;
    private final Clock clock;

    Reschedules(
            SessionStore sessions,
            ScheduleStore schedules,
            Tracks tracks,
            Outbox outbox,
            BelowMinimumProjection weeks,
            Clock clock) {
        this.sessions = sessions;
        this.schedules = schedules;
        this.tracks = tracks;
        this.outbox = outbox;
        this.weeks = weeks;
        this.clock = clock;
    }

    @Transactional
    ClientSession reschedule(UUID sessionId, Request request) {
        ClientSession session = sessions.lock(sessionId).orElseThrow(() -> ProblemException.notFound("Session"));
        if (ClientSession.CANCELLED.equals(session.status())) {
            throw ProblemException.unprocessable("session-cancelled", "A cancelled session cannot be moved");
        }
        Instant now = clock.instant();
        if (!session.startsAt().isAfter(now) || session.attendance() != null) {
            throw ProblemException.unprocessable("session-started", "A session that has started cannot be moved");
        }
        ClientSession moved = session.kind() == SessionKind.GROUP
                ? toGroupMeeting(session, request)
                : toClinicianHours(session, request);
        if (moved.startsAt().equals(session.startsAt())
                && moved.endsAt().equals(session.endsAt())
                && Objects.equals(moved.groupSessionId(), session.groupSessionId())
                && Objects.equals(moved.clinicianId(), session.clinicianId())) {
            return session; // the same move again: nothing to do, nothing to tell
        }
        if (!moved.startsAt().isAfter(now)) {
            throw ProblemException.unprocessable("session-in-past", "The new start must be in the future");
        }
        if (sessions.busyExcept(moved.clinicianId(), session.clientId(), moved.startsAt(), moved.endsAt(), sessionId)) {
            throw ProblemException.conflict(
                    "double-booking", "The clinician or the client already has a session at that time");
        }
        sessions.move(moved);
        outbox.append(new SessionRescheduled(
                UUID.randomUUID(),
                now,
                session.clientId(),
                sessionId,
                session.startsAt(),
                session.endsAt(),
                moved.startsAt(),
                moved.endsAt()));
        // a move out of a week may leave it short of the minimum
        weeks.evaluate(session.clientId(), session.startsAt(), session.zone(), now);
        return moved;
    }

    /** An individual session or check-in, same length, inside the (new) clinician's weekly hours. */
    private ClientSession toClinicianHours(ClientSession session, Request request) {
        if (request.trackCode() != null) {
            throw ProblemException.unprocessable("not-a-group-seat", "Only a group seat moves to a track");
        }
        String clinician = request.clinicianId() == null ? session.clinicianId() : request.clinicianId();
        Instant start = exactInstant(request.localStart(), session.zone());
        Instant end = start.plus(Duration.between(session.startsAt(), session.endsAt()));
        List<AvailabilityWindow> hours = schedules.availability(clinician);
        if (hours.isEmpty()) {
            throw ProblemException.unprocessable("clinician-unavailable", "The clinician has no weekly hours");
        }
        if (hours.stream().noneMatch(window -> within(window, start, end))) {
            throw ProblemException.unprocessable(
                    "outside-clinician-hours", "The new time is outside the clinician's weekly hours");
        }
        Interval slot = new Interval(start, end);
        if (schedules.timeOff(clinician).stream().anyMatch(off -> off.interval().overlaps(slot))) {
            throw ProblemException.unprocessable("clinician-time-off", "The clinician is off at the new time");
        }
        if (schedules.closedForAll(request.localStart().toLocalDate())) {
            throw ProblemException.unprocessable("clinic-closed", "The program is closed that day");
        }
        // One booking per clinician at a time: two moves cannot take the same free slot.
        sessions.lockClinician(clinician);
        return new ClientSession(
                session.id(),
                session.clientId(),
                session.kind(),
                null,
                clinician,
                session.planWeek(),
                start,
                end,
                session.zone(),
                session.modality(),
                session.status(),
                null);
    }

    /** A group seat, into the meeting of its track (or another) that starts at that local time, with a free seat. */
    private ClientSession toGroupMeeting(ClientSession session, Request request) {
        if (request.clinicianId() != null) {
            throw ProblemException.unprocessable("group-seat", "A group seat has no clinician of its own");
        }
        String trackCode = request.trackCode() == null
                ? sessions.trackOf(session.groupSessionId()).orElseThrow()
                : request.trackCode();
        ProgramTrack track = tracks.find(trackCode)
                .orElseThrow(() -> ProblemException.unprocessable("unknown-track", "No such track"));
        ProgramTrack.Meeting meeting = track.meetingOn(request.localStart().toLocalDate())
                .filter(m -> request.localStart().toLocalTime().equals(track.localStart()))
                .orElseThrow(() -> ProblemException.unprocessable(
                        "no-group-meeting", "The track does not meet at that local time"));
        if (schedules.closed(trackCode, meeting.date())) {
            throw ProblemException.unprocessable("clinic-closed", "The track is closed that day");
        }
        GroupSession group = sessions.lockGroupSession(track, meeting);
        if (group.id().equals(session.groupSessionId())) {
            return session;
        }
        if (!ClientSession.SCHEDULED.equals(group.status())) {
            throw ProblemException.unprocessable("group-cancelled", "That group meeting is cancelled");
        }
        if (sessions.onRoster(group.id(), session.clientId())) {
            throw ProblemException.conflict("already-on-roster", "The client already has a seat in that meeting");
        }
        if (sessions.rosterSize(group.id()) >= group.capacity()) {
            throw ProblemException.conflict("group-full", "That group meeting has no free seat");
        }
        return new ClientSession(
                session.id(),
                session.clientId(),
                SessionKind.GROUP,
                group.id(),
                null,
                session.planWeek(),
                group.startsAt(),
                group.endsAt(),
                track.zone(),
                track.modality(),
                session.status(),
                null);
    }

    /** The instant of a local time; a time a DST change skips or repeats is no time to meet. */
    private static Instant exactInstant(LocalDateTime local, ZoneId zone) {
        if (zone.getRules().getValidOffsets(local).size() != 1) {
            throw ProblemException.unprocessable(
                    "ambiguous-local-time", "That local time is skipped or repeated by a clock change");
        }
        return ZonedDateTime.of(local, zone).toInstant();
    }

    private static boolean within(AvailabilityWindow window, Instant start, Instant end) {
        ZonedDateTime from = start.atZone(window.zone());
        ZonedDateTime to = end.atZone(window.zone());
        return from.getDayOfWeek() == window.day()
                && from.toLocalDate().equals(to.toLocalDate())
                && !from.toLocalTime().isBefore(window.localStart())
                && !to.toLocalTime().isAfter(window.localEnd());
    }
}
