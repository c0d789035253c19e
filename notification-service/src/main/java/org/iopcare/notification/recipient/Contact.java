package org.iopcare.notification.recipient;

import org.jspecify.annotations.Nullable;

/**
 * A client's contact details and consents as an enrollment or a client update states them.
 *
 * @param preferredName how to greet the client; may be null
 * @param phone E.164 mobile number, or null
 * @param email email address, or null
 * @param timeZone IANA time zone of the client, for send windows
 * @param smsConsent consent to receive SMS
 * @param emailConsent consent to receive email
 */
public record Contact(
        @Nullable String preferredName,
        @Nullable String phone,
        @Nullable String email,
        String timeZone,
        boolean smsConsent,
        boolean emailConsent) {

    /** No contact details in logs. */
    @Override
    public String toString() {
        return "Contact[hidden]";
    }
}
