package org.iopcare.scheduling.schedule;

import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.iopcare.events.BookingReason;
import org.iopcare.scheduling.track.ProgramTrack;
import org.iopcare.scheduling.track.Tracks;
import org.iopcare.support.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A make-up: a client short of a week's minimum takes a free seat in a group meeting, of another
 * track or of their own, outside their usual roster. The seat is a group session of the client like
 * any other, so the week's minimum counts its minutes (still to come, then attended).
 */
@Service
class MakeUps {

    /**
     * A make-up seat.
     *
     * @param groupSessionId the group meeting (see GET /api/group-sessions), not started, with a free seat
     */
    record Request(@NotNull UUID groupSessionId) {}

    private final ScheduleStore schedules;
    private final SessionStore sessions;
    private final SessionOutbox published;
    private final Tracks tracks;
    private final Clock clock;

    MakeUps(ScheduleStore schedules, SessionStore sessions, SessionOutbox published, Tracks tracks, Clock clock) {
        this.schedules = schedules;
        this.sessions = sessions;
        this.published = published;
        this.tracks = tracks;
        this.clock = clock;
    }

    @Transactional
    ClientSession book(UUID clientId, Request request) {
        schedules
                .lock(clientId)
                .filter(s -> s.status() != ClientSchedule.Status.ENDED)
                .orElseThrow(() -> ProblemException.notFound("Schedule of client"));
        // the meeting's row is locked while its roster is counted: two make-ups cannot take one seat
        GroupSession group = sessions.lockGroupSession(request.groupSessionId())
                .orElseThrow(() -> ProblemException.unprocessable("unknown-group-session", "No such group meeting"));
        Instant now = clock.instant();
        if (!ClientSession.SCHEDULED.equals(group.status())) {
            throw ProblemException.unprocessable("group-cancelled", "That group meeting is cancelled");
        }
        if (!group.startsAt().isAfter(now)) {
            throw ProblemException.unprocessable("session-in-past", "That group meeting has started");
        }
        if (sessions.onRoster(group.id(), clientId)) {
            throw ProblemException.conflict("already-on-roster", "The client already has a seat in that meeting");
        }
        if (sessions.rosterSize(group.id()) >= group.capacity()) {
            throw ProblemException.conflict("group-full", "That group meeting has no free seat");
        }
        if (sessions.busyExcept(null, clientId, group.startsAt(), group.endsAt(), UUID.randomUUID())) {
            throw ProblemException.conflict("double-booking", "The client already has a session at that time");
        }
        ProgramTrack track = tracks.get(group.trackCode());
        ClientSession seat = ClientSession.seat(clientId, group, track);
        sessions.insert(seat, now);
        published.scheduled(seat, now, BookingReason.MAKE_UP);
        return seat;
    }
}
