package org.iopcare.notification.optout;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The one-click unsubscribe link of client emails (RFC 8058).
 *
 * @param baseUrl where this service is reached from the internet ({@code https://…} in production)
 * @param secret the key the links are signed with (HMAC-SHA256); set in production, and keep it:
 *     changing it voids every link already sent
 * @param mailto an address that also unsubscribes (a second {@code List-Unsubscribe} entry), or none
 */
@Validated
@ConfigurationProperties("iopcare.notification.unsubscribe")
public record UnsubscribeProperties(
        @NotBlank @DefaultValue("http://localhost:8084") String baseUrl,

        @NotBlank @Size(min = 16) @DefaultValue("local-unsubscribe-secret-0001")
        String secret,

        @Nullable String mailto) {}
