package org.iopcare.intake.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.iopcare.intake.inquiry.E164;

/**
 * The client as enrolled.
 *
 * @param firstName given name
 * @param lastName family name
 * @param preferredName how to greet them; optional
 * @param phone mobile number in E.164 form; required when SMS consent is given
 * @param email email address; required when email consent is given
 * @param timeZone IANA time zone, for message send windows
 * @param smsConsent consent to receive SMS
 * @param emailConsent consent to receive email
 * @param part2Consent consent to disclosure of substance use records under 42 CFR Part 2
 */
public record ClientDetails(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Size(max = 100) String preferredName,
        @E164 String phone,
        @Email @Size(max = 254) String email,
        @NotNull @IanaTimeZone String timeZone,
        @NotNull @Valid Consent smsConsent,
        @NotNull @Valid Consent emailConsent,
        @NotNull @Valid Consent part2Consent) {

    @AssertTrue(message = "SMS consent needs a phone")
    boolean isSmsReachable() {
        return smsConsent == null || !Boolean.TRUE.equals(smsConsent.given()) || (phone != null && !phone.isBlank());
    }

    @AssertTrue(message = "email consent needs an email")
    boolean isEmailReachable() {
        return emailConsent == null
                || !Boolean.TRUE.equals(emailConsent.given())
                || (email != null && !email.isBlank());
    }
}
