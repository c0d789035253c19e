package org.iopcare.support.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the event consumers: the largest record they decode, and their idempotency claims
 * ({@code processed_event}).
 *
 * @param processedRetention how long a claim is kept; a redelivery older than this would be applied
 *     again, so keep it well above the topics' retention (7 days by default) and any replay window
 * @param purgeInterval how often claims older than the retention are deleted
 * @param purgeBatchSize claims deleted per statement, so a purge never holds long locks
 * @param maxPayloadBytes the largest event payload a consumer decodes; a larger record is refused
 *     before parsing and goes to the dead-letter topic
 */
@Validated
@ConfigurationProperties("iopcare.consumer")
public record ConsumerProperties(
        @NotNull @DefaultValue("14d") Duration processedRetention,
        @NotNull @DefaultValue("1h") Duration purgeInterval,
        @Min(100) @Max(100_000) @DefaultValue("10000") int purgeBatchSize,

        @Min(1024) @Max(16 * 1024 * 1024) @DefaultValue("65536")
        int maxPayloadBytes) {}
