package org.iopcare.intake.inquiry;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.iopcare.events.ContactChannel;

/**
 * The public inquiry form.
 *
 * @param firstName given name
 * @param lastName family name
 * @param phone mobile number in E.164 form ({@code +16175550100}); phone or email is required
 * @param email email address; phone or email is required
 * @param preferredChannel how they want to be contacted; SMS and PHONE need a phone, EMAIL an email
 * @param contactConsent must be true: the clinic contacts nobody who has not agreed to it
 * @param helpWith what they need help with, in their words (kept in intake only, never published)
 * @param referralSource how they found the program
 */
public record NewInquiry(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @E164 String phone,
        @Email @Size(max = 254) String email,
        @NotNull ContactChannel preferredChannel,

        @NotNull @AssertTrue(message = "must be given to be contacted")
        Boolean contactConsent,

        @Size(max = 2000) String helpWith,
        @NotNull ReferralSource referralSource) {

    @AssertTrue(message = "a phone or an email is required")
    boolean isContactGiven() {
        return present(phone) || present(email);
    }

    @AssertTrue(message = "the preferred channel needs its contact detail")
    boolean isPreferredChannelReachable() {
        if (preferredChannel == null) {
            return true;
        }
        return switch (preferredChannel) {
            case SMS, PHONE -> present(phone) || !isContactGiven();
            case EMAIL -> present(email) || !isContactGiven();
        };
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
