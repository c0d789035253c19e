package org.iopcare.scheduling.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.CancellationReason;
import org.iopcare.scheduling.attendance.BelowMinimumProjection;
import org.iopcare.scheduling.track.Tracks;
import org.iopcare.support.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closures and single-session cancellations; each cancelled client session publishes once. A single
 * cancellation evaluates the client's week against the weekly minimum again (a closure does not:
 * closed days are owed nothing).
 */
@Service
public class Cancellations {

    private final SessionOutbox published;
    private final ScheduleStore schedules;
    private final SessionStore sessions;
    private final Tracks tracks;
    private final BelowMinimumProjection weeks;
    private final Clock clock;

    Cancellations(
            SessionOutbox published,
            ScheduleStore schedules,
            SessionStore sessions,
            Tracks tracks,
            BelowMinimumProjection weeks,
            Clock clock) {
        this.published = published;
        this.schedules = schedules;
        this.sessions = sessions;
        this.tracks = tracks;
        this.weeks = weeks;
        this.clock = clock;
    }

    /**
     * Closes one track (or, with no track, the whole program including individual sessions) on the
     * local days [first, last], cancelling what was scheduled then; later horizon extensions skip
     * those days.
     *
     * @return the closure and how many client sessions it cancelled
     */
    @Transactional
    public Closed close(LocalDate first, LocalDate last, String trackCode, String actor) {
        if (last.isBefore(first)) {
            throw ProblemException.unprocessable("closure-ends-before-start", "lastDay must not be before firstDay");
        }
        if (ChronoUnit.DAYS.between(first, last) > 366) {
            throw ProblemException.unprocessable("closure-too-long", "A closure spans at most a year");
        }
        if (trackCode != null) {
            tracks.get(trackCode);
        }
        Instant now = clock.instant();
        UUID closure = UUID.randomUUID();
        schedules.addClosure(closure, trackCode, first, last, actor, now);
        sessions.cancelGroupSessions(trackCode, first, last);
        List<ClientSession> affected = sessions.lockInClosure(trackCode, first, last);
        affected.forEach(session -> published.cancel(session, CancellationReason.CLOSURE, now));
        sessions.markClosure(affected.stream().map(ClientSession::id).toList(), closure);
        return new Closed(closure, affected.size());
    }

    /**
     * A closure made.
     *
     * @param id the closure, to list or withdraw it
     * @param cancelledSessions client sessions cancelled
     */
    public record Closed(UUID id, int cancelledSessions) {}

    /** Cancels one session that has not started; cancelling it again changes nothing. */
    @Transactional
    public ClientSession cancel(UUID sessionId, CancellationReason reason) {
        if (reason == CancellationReason.DISCHARGE || reason == CancellationReason.TRACK_CHANGE) {
            throw ProblemException.unprocessable(
                    "cancellation-reason-reserved", "Discharge and track change cancel through their events");
        }
        ClientSession session = sessions.lock(sessionId).orElseThrow(() -> ProblemException.notFound("Session"));
        if (ClientSession.CANCELLED.equals(session.status())) {
            return session;
        }
        Instant now = clock.instant();
        if (!session.startsAt().isAfter(now) || session.attendance() != null) {
            throw ProblemException.unprocessable("session-started", "A session that has started cannot be cancelled");
        }
        published.cancel(session, reason, now);
        // the week may no longer reach the minimum without this session
        weeks.evaluate(session.clientId(), session.startsAt(), session.zone(), now);
        return sessions.lock(sessionId).orElseThrow();
    }
}
