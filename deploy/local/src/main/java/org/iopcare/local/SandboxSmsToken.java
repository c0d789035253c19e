package org.iopcare.local;

import java.nio.file.Path;

/**
 * The auth token of the local run's sandbox SMS provider: the provider's basic-auth password and the
 * key that signs its webhooks to notification-service ({@code /api/sms/status}, {@code
 * /api/sms/inbound}). Generated per data folder: a token everyone knows would let anyone who reaches
 * the service forge delivery reports and opt clients out with a signed STOP.
 */
final class SandboxSmsToken {

    static final String FILE = "sms-sandbox-auth-token";

    /** The variable notification-service reads it from ({@code iopcare.notification.sms.auth-token}). */
    static final String ENVIRONMENT = "IOPCARE_NOTIFICATION_SMS_AUTH_TOKEN";

    private SandboxSmsToken() {}

    static String in(Path secrets) {
        return GeneratedSecret.in(secrets.resolve(FILE));
    }
}
