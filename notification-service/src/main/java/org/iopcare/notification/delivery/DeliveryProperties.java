package org.iopcare.notification.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the dispatcher sends queued messages.
 *
 * @param enabled whether this instance sends at all
 * @param pollInterval how long an idle worker waits before looking for due messages again
 * @param workers parallel senders; each holds up to two database connections while sending
 * @param maxAttempts provider attempts before a message is FAILED
 * @param initialBackoff delay after the first failed attempt (doubled each time, with jitter)
 * @param maxBackoff the longest delay between attempts
 * @param emailFrom the sender address of emails (the display name is the clinic's name)
 */
@Validated
@ConfigurationProperties("iopcare.notification.delivery")
public record DeliveryProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("500ms") Duration pollInterval,
        @Min(1) @Max(4) @DefaultValue("2") int workers,
        @Min(1) @Max(20) @DefaultValue("6") int maxAttempts,
        @NotNull @DefaultValue("2s") Duration initialBackoff,
        @NotNull @DefaultValue("10m") Duration maxBackoff,
        @NotBlank @DefaultValue("messages@clinic.example") String emailFrom) {}
