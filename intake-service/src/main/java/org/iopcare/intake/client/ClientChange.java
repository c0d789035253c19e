package org.iopcare.intake.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * A change of a client's contact details, time zone or consents. An absent (or null) field stays
 * as it is; an empty string removes the preferred name, phone or email.
 *
 * @param preferredName how to greet them; "" removes it
 * @param phone E.164 mobile number; "" removes it (SMS consent must then be withdrawn too)
 * @param email email address; "" removes it (email consent must then be withdrawn too)
 * @param timeZone IANA time zone
 * @param smsConsent consent to SMS, given or withdrawn, with time and source
 * @param emailConsent consent to email, given or withdrawn, with time and source
 * @param part2Consent 42 CFR Part 2 disclosure consent, given or withdrawn, with time and source
 */
public record ClientChange(
        @Size(max = 100) String preferredName,
        @PhoneOrEmpty String phone,
        @Email @Size(max = 254) String email,
        @IanaTimeZone String timeZone,
        @Valid Consent smsConsent,
        @Valid Consent emailConsent,
        @Valid Consent part2Consent) {}
