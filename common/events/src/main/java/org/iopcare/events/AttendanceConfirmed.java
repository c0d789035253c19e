package org.iopcare.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A client confirmed they will attend their next session, e.g. by answering {@code 1} to a
 * reminder. The reply text stays in notification-service.
 *
 * @param eventId unique per event
 * @param occurredAt when the confirmation was received
 * @param clientId the client
 * @param sessionId the confirmed session, as in {@code session-scheduled}
 * @param channel the channel the confirmation came in on
 */
public record AttendanceConfirmed(
        UUID eventId, Instant occurredAt, UUID clientId, UUID sessionId, ContactChannel channel)
        implements IntegrationEvent {}
