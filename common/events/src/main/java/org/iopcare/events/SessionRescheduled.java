package org.iopcare.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A client session moved to another time: the same session, still taking place. Its reminders move
 * with it; the client is told once, about a move, not about a cancellation and a new booking.
 *
 * @param eventId unique per event
 * @param occurredAt when the session was moved
 * @param clientId the client
 * @param sessionId the moved session, as in session-scheduled
 * @param previousStartsAt when the session was to start before the move
 * @param previousEndsAt when the session was to end before the move
 * @param startsAt when the session starts now
 * @param endsAt when the session ends now
 * @param joinUrl where the moved session is joined when it is virtual and its link changed with the
 *     move; absent: the link of session-scheduled stays
 */
public record SessionRescheduled(
        UUID eventId,
        Instant occurredAt,
        UUID clientId,
        UUID sessionId,
        Instant previousStartsAt,
        Instant previousEndsAt,
        Instant startsAt,
        Instant endsAt,
        @Nullable String joinUrl)
        implements IntegrationEvent {

    /** A move that keeps the session's join link. */
    public SessionRescheduled(
            UUID eventId,
            Instant occurredAt,
            UUID clientId,
            UUID sessionId,
            Instant previousStartsAt,
            Instant previousEndsAt,
            Instant startsAt,
            Instant endsAt) {
        this(eventId, occurredAt, clientId, sessionId, previousStartsAt, previousEndsAt, startsAt, endsAt, null);
    }
}
