package org.iopcare.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff recorded attendance for a session that had already been published as missed: the miss is
 * withdrawn. Consumers that counted the miss stop counting it.
 *
 * @param eventId unique per event
 * @param occurredAt when the correction was recorded
 * @param clientId the client
 * @param sessionId the session earlier published in {@code session-missed}
 * @param startsAt when the session started
 * @param correctedTo what was recorded instead of the miss
 */
public record SessionMissCorrected(
        UUID eventId, Instant occurredAt, UUID clientId, UUID sessionId, Instant startsAt, AttendedAs correctedTo)
        implements IntegrationEvent {}
