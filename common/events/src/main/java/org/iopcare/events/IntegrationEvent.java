package org.iopcare.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event of the platform carries. Implemented by versioned records whose first components
 * are these three, so the envelope attributes can always be derived from the payload.
 */
public interface IntegrationEvent {

    /** Unique per event; consumers de-duplicate on it. Becomes the CloudEvents {@code id}. */
    UUID eventId();

    /** When the fact happened, in UTC. Becomes the CloudEvents {@code time}. */
    Instant occurredAt();

    /** The client the event is about. Becomes the CloudEvents {@code subject} and the record key. */
    UUID clientId();
}
