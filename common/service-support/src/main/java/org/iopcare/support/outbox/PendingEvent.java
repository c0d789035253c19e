package org.iopcare.support.outbox;

import java.time.Instant;
import java.util.UUID;

/** One committed, not yet published outbox row. */
public record PendingEvent(
        long seq,
        UUID eventId,
        String topic,
        String key,
        String ceType,
        String ceSource,
        Instant occurredAt,
        String payload) {}
