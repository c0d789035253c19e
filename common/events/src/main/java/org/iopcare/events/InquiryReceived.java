package org.iopcare.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone asked for help. Carries the contact details notification-service needs to acknowledge
 * the inquiry; nothing about why they asked.
 *
 * @param eventId unique per event
 * @param occurredAt when the inquiry was stored
 * @param clientId the person's id, kept if they later enroll
 * @param inquiryId the inquiry, for staff links
 * @param preferredName how to greet them; may be null
 * @param phone E.164 mobile number, or null
 * @param email email address, or null
 * @param preferredChannel the channel they asked to be contacted on
 * @param contactConsent whether they consented to be contacted at all
 * @param duplicateOf the earlier inquiry from the same contact within the matching window, or null;
 *     a duplicate is not acknowledged again
 */
public record InquiryReceived(
        UUID eventId,
        Instant occurredAt,
        UUID clientId,
        UUID inquiryId,
        @Nullable String preferredName,
        @Nullable String phone,
        @Nullable String email,
        ContactChannel preferredChannel,
        boolean contactConsent,
        @Nullable UUID duplicateOf)
        implements IntegrationEvent {

    /** Ids only: contact details must never reach a log line through an exception message. */
    @Override
    public String toString() {
        return "InquiryReceived[eventId=" + eventId + ", clientId=" + clientId + "]";
    }
}
