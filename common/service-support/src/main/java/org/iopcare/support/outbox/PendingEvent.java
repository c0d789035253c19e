package org.iopcare.support.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One committed, not yet published outbox row.
 *
 * @param traceparent the W3C trace context of the transaction that appended it; null outside a trace
 */
public record PendingEvent(
        long seq,
        UUID eventId,
        String topic,
        String key,
        String ceType,
        String ceSource,
        Instant occurredAt,
        String payload,
        String traceparent) {}
