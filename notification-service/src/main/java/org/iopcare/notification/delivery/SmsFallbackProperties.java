package org.iopcare.notification.delivery;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An optional second Twilio-compatible SMS provider, used only when the first certainly did not
 * take a message (refused connection, connect timeout, 429 or 5xx) or its circuit breaker is open;
 * never after an ambiguous failure (a timeout after sending), which would risk a second copy.
 *
 * @param enabled whether there is a second provider
 * @param baseUrl its API base
 * @param accountSid its account (basic-auth user)
 * @param authToken its token (basic-auth password; also accepted on webhook signatures)
 * @param from its sending number, E.164
 * @param connectTimeout connect timeout
 * @param readTimeout read timeout (a timeout here leaves the message UNKNOWN)
 */
@ConfigurationProperties("iopcare.notification.sms-fallback")
public record SmsFallbackProperties(
        @DefaultValue("false") boolean enabled,
        @Nullable URI baseUrl,
        @Nullable String accountSid,
        @Nullable String authToken,
        @Nullable String from,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    SmsProviderProperties provider(String statusCallbackUrl) {
        return new SmsProviderProperties(
                baseUrl, accountSid, authToken, from, statusCallbackUrl, connectTimeout, readTimeout);
    }

    @Override
    public String toString() {
        return "SmsFallbackProperties[" + enabled + ", " + baseUrl + ", token hidden]";
    }
}
