package org.iopcare.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A client session will not take place. Its reminders are cancelled.
 *
 * @param eventId unique per event
 * @param occurredAt when the session was cancelled
 * @param clientId the client
 * @param sessionId the cancelled session, as in {@code session-scheduled}
 * @param startsAt when the session would have started
 * @param reason why it was cancelled, as a code
 */
public record SessionCancelled(
        UUID eventId, Instant occurredAt, UUID clientId, UUID sessionId, Instant startsAt, CancellationReason reason)
        implements IntegrationEvent {}
