package org.iopcare.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A session was put on a client's schedule. One event per client session, so reminders can be
 * planned per client; track and group names stay in scheduling.
 *
 * @param eventId unique per event
 * @param occurredAt when the session was scheduled
 * @param clientId the client
 * @param sessionId the client's session (not the group session it belongs to)
 * @param kind group, individual therapy or clinician check-in
 * @param startsAt when the session starts
 * @param endsAt when the session ends
 * @param timeZone the IANA time zone the session is held in, to show local times
 * @param modality in person or virtual
 * @param joinUrl where a virtual session is joined (a video link); absent for one in person, or
 *     when the link is not known yet
 * @param reason why the session was booked (an enrollment, a transfer, a make-up …); absent in
 *     payloads written before it was added, read as a routine booking
 */
public record SessionScheduled(
        UUID eventId,
        Instant occurredAt,
        UUID clientId,
        UUID sessionId,
        SessionKind kind,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        SessionModality modality,
        @Nullable String joinUrl,
        @Nullable BookingReason reason)
        implements IntegrationEvent {

    /** A session without a join link (in person, or a link not known yet). */
    public SessionScheduled(
            UUID eventId,
            Instant occurredAt,
            UUID clientId,
            UUID sessionId,
            SessionKind kind,
            Instant startsAt,
            Instant endsAt,
            String timeZone,
            SessionModality modality) {
        this(eventId, occurredAt, clientId, sessionId, kind, startsAt, endsAt, timeZone, modality, null, null);
    }

    /** A session with a join link (or none), for no reason given. */
    public SessionScheduled(
            UUID eventId,
            Instant occurredAt,
            UUID clientId,
            UUID sessionId,
            SessionKind kind,
            Instant startsAt,
            Instant endsAt,
            String timeZone,
            SessionModality modality,
            String joinUrl) {
        this(eventId, occurredAt, clientId, sessionId, kind, startsAt, endsAt, timeZone, modality, joinUrl, null);
    }
}
