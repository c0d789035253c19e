package org.iopcare.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A client's contact details, consents or time zone changed. Carries the complete current state,
 * not a difference: a null contact detail means the client has none now.
 *
 * @param eventId unique per event
 * @param occurredAt when the change was recorded
 * @param clientId the client
 * @param preferredName how to greet the client; may be null
 * @param phone E.164 mobile number, or null
 * @param email email address, or null
 * @param timeZone the client's IANA time zone, for message send windows
 * @param smsConsent consent to receive SMS; {@code false} stops SMS before the next send
 * @param emailConsent consent to receive email
 */
public record ClientUpdated(
        UUID eventId,
        Instant occurredAt,
        UUID clientId,
        @Nullable String preferredName,
        @Nullable String phone,
        @Nullable String email,
        String timeZone,
        boolean smsConsent,
        boolean emailConsent)
        implements IntegrationEvent {

    /** Ids only: contact details must never reach a log line through an exception message. */
    @Override
    public String toString() {
        return "ClientUpdated[eventId=" + eventId + ", clientId=" + clientId + "]";
    }
}
