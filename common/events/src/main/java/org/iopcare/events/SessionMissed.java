package org.iopcare.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A client did not attend a session and no attendance was recorded within the grace period.
 * Published exactly once per missed session.
 *
 * @param eventId unique per event
 * @param occurredAt when the session was marked as a no-show
 * @param clientId the client
 * @param sessionId the missed session, as in {@code session-scheduled}
 * @param startsAt when the missed session started
 * @param consecutiveMisses misses in a row up to and including this one (1 for a first miss)
 * @param missesInLast14Days misses in the 14 days ending with this session, this one included
 */
public record SessionMissed(
        UUID eventId,
        Instant occurredAt,
        UUID clientId,
        UUID sessionId,
        Instant startsAt,
        int consecutiveMisses,
        int missesInLast14Days)
        implements IntegrationEvent {}
