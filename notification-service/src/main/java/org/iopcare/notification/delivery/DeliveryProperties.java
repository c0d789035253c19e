package org.iopcare.notification.delivery;

import jakarta.validation.constraints.DecimalMin;
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
 * @param workers claiming threads; each claims due messages in batches for the send pool
 * @param concurrency sends in flight at once on this instance (the send pool's size); no database
 *     connection is held while a provider is called
 * @param batchSize the most messages one claiming transaction takes
 * @param claimLease how long a claimed message belongs to this instance's sender; longer than any
 *     send can take (every provider's connect and read timeouts together). After it, another
 *     claim finds the open attempt and marks the message UNKNOWN, never sends it again
 * @param smsPerSecondPerSender the most SMS a second from one sending number (Twilio: 1 for a US
 *     long code, 3 toll-free, 100 for a short code)
 * @param smsPerSecondPerProvider the most SMS requests a second to one provider account
 * @param emailPerSecondPerServer the most emails a second handed to one SMTP server (Amazon SES
 *     starts production accounts at 14)
 * @param emailConnectionsPerServer the most SMTP connections open at once to one server (each send
 *     is its own connection; relays refuse or stall clients that open too many)
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
        @Min(1) @Max(4) @DefaultValue("1") int workers,
        @Min(1) @Max(512) @DefaultValue("16") int concurrency,
        @Min(1) @Max(1000) @DefaultValue("100") int batchSize,
        @NotNull @DefaultValue("2m") Duration claimLease,
        @DecimalMin("0.01") @DefaultValue("1") double smsPerSecondPerSender,
        @DecimalMin("0.01") @DefaultValue("100") double smsPerSecondPerProvider,
        @DecimalMin("0.01") @DefaultValue("14") double emailPerSecondPerServer,
        @Min(1) @Max(100) @DefaultValue("8") int emailConnectionsPerServer,
        @Min(1) @Max(20) @DefaultValue("6") int maxAttempts,
        @NotNull @DefaultValue("2s") Duration initialBackoff,
        @NotNull @DefaultValue("10m") Duration maxBackoff,
        @NotBlank @DefaultValue("messages@clinic.example") String emailFrom) {}
