package org.iopcare.intake.inquiry;

import java.time.Instant;
import java.util.UUID;
import org.iopcare.events.ContactChannel;

/** An inquiry as staff see it. */
public record InquiryView(
        UUID id,
        UUID clientId,
        String firstName,
        String lastName,
        String phone,
        String email,
        ContactChannel preferredChannel,
        boolean contactConsent,
        String helpWith,
        ReferralSource referralSource,
        InquiryStatus status,
        UUID duplicateOf,
        Instant receivedAt,
        Instant updatedAt) {

    static InquiryView of(Inquiry inquiry) {
        return new InquiryView(
                inquiry.id(),
                inquiry.clientId(),
                inquiry.firstName(),
                inquiry.lastName(),
                inquiry.phone(),
                inquiry.email(),
                inquiry.preferredChannel(),
                inquiry.contactConsent(),
                inquiry.helpWith(),
                inquiry.referralSource(),
                inquiry.status(),
                inquiry.duplicateOf(),
                inquiry.receivedAt(),
                inquiry.updatedAt());
    }
}
