package org.iopcare.scheduling.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.BookingReason;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.SessionCancelled;
import org.iopcare.events.SessionRescheduled;
import org.iopcare.events.SessionScheduled;
import org.iopcare.support.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Publishes a client session's booking, cancellation or move through the outbox in the caller's
 * transaction; a cancellation also marks the session cancelled, so the two cannot part.
 */
@Component
class SessionOutbox {

    private final SessionStore sessions;
    private final Outbox outbox;

    SessionOutbox(SessionStore sessions, Outbox outbox) {
        this.sessions = sessions;
        this.outbox = outbox;
    }

    /** {@code session-scheduled} for a session just inserted, with why it was booked. */
    void scheduled(ClientSession session, Instant now, BookingReason reason) {
        outbox.append(new SessionScheduled(
                UUID.randomUUID(),
                now,
                session.clientId(),
                session.id(),
                session.kind(),
                session.startsAt(),
                session.endsAt(),
                session.zone().getId(),
                session.modality(),
                null,
                reason));
    }

    /** Cancels the session and publishes {@code session-cancelled}. */
    void cancel(ClientSession session, CancellationReason reason, Instant now) {
        sessions.cancel(session.id(), reason);
        outbox.append(new SessionCancelled(
                UUID.randomUUID(), now, session.clientId(), session.id(), session.startsAt(), reason));
    }

    /** Cancels a client's sessions from {@code from} on that have no attendance, publishing each. */
    List<ClientSession> cancelUpcoming(UUID clientId, Instant from, CancellationReason reason, Instant now) {
        List<ClientSession> upcoming = sessions.lockUpcoming(clientId, from);
        upcoming.forEach(session -> cancel(session, reason, now));
        return upcoming;
    }

    /** {@code session-rescheduled} for a session already moved from {@code before}'s time. */
    void rescheduled(ClientSession before, ClientSession moved, Instant now) {
        outbox.append(new SessionRescheduled(
                UUID.randomUUID(),
                now,
                before.clientId(),
                before.id(),
                before.startsAt(),
                before.endsAt(),
                moved.startsAt(),
                moved.endsAt()));
    }
}
