package org.iopcare.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A program track was created, changed or retired: the current state of the track, not a
 * difference. intake-service keeps the list of tracks a client may be enrolled on from it. The
 * event is about a track, not a client: {@code clientId} is the track's own id derived from its
 * code ({@link #keyOf}), so every event of one track has the same record key and the topic can be
 * compacted to the latest state of each track.
 *
 * @param eventId unique per event
 * @param occurredAt when the track was created, changed or retired
 * @param clientId not a client: the track's id, the name-based UUID of {@code track:<trackCode>}
 *     ({@code TrackChanged.keyOf}); the record key
 * @param trackCode the track's code, e.g. MH-IOP-AM; never given to another track
 * @param name the track's display name, for staff
 * @param status ACTIVE (clients may be enrolled) or RETIRED (no new enrollment)
 */
public record TrackChanged(
        UUID eventId, Instant occurredAt, UUID clientId, String trackCode, String name, TrackStatus status)
        implements IntegrationEvent {

    public TrackChanged {
        if (!keyOf(trackCode).equals(clientId)) {
            throw new IllegalArgumentException("clientId of a track-changed event must be keyOf(trackCode)");
        }
    }

    /** The same track code always gives the same id (RFC 4122 version 3, of {@code track:<code>}). */
    public static UUID keyOf(String trackCode) {
        return UUID.nameUUIDFromBytes(("track:" + trackCode).getBytes(StandardCharsets.UTF_8));
    }

    /** The event for a track's current state. */
    public static TrackChanged of(Instant occurredAt, String trackCode, String name, TrackStatus status) {
        return new TrackChanged(UUID.randomUUID(), occurredAt, keyOf(trackCode), trackCode, name, status);
    }
}
