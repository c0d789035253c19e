package org.iopcare.notification.delivery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Twilio-compatible SMS provider.
 *
 * @param baseUrl where the provider's API lives ({@code https://api.twilio.com} for Twilio)
 * @param accountSid the account, also the basic-auth user
 * @param authToken the basic-auth password and the key that signs the provider's webhooks
 * @param from the sending number, E.164
 * @param statusCallbackUrl where the provider reports delivery states ({@code /api/sms/status}); none when blank
 * @param connectTimeout how long to wait for a connection (a timeout here is a certain failure)
 * @param readTimeout how long to wait for the answer (a timeout here leaves the message UNKNOWN)
 */
@Validated
@ConfigurationProperties("iopcare.notification.sms")
public record SmsProviderProperties(
        @NotNull URI baseUrl,
        @NotBlank String accountSid,
        @NotBlank String authToken,
        @NotBlank @Pattern(regexp = "\\+[1-9][0-9]{6,14}") String from,
        @Nullable String statusCallbackUrl,
        @NotNull @DefaultValue("2s") Duration connectTimeout,
        @NotNull @DefaultValue("10s") Duration readTimeout) {

    @Override
    public String toString() {
        return "SmsProviderProperties[" + baseUrl + ", token hidden]";
    }
}
