package org.iopcare.support.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbox relay settings.
 *
 * @param pollInterval how often the relay looks for events when no commit woke it
 * @param batchSize events published per relay transaction
 * @param maxBackoff longest pause between attempts while the broker is unreachable
 * @param workers relay threads of this instance; each publishes the shards it can lock
 */
@Validated
@ConfigurationProperties("iopcare.outbox")
public record OutboxProperties(
        @NotNull @DefaultValue("500ms") Duration pollInterval,
        @Min(1) @Max(10_000) @DefaultValue("500") int batchSize,
        @NotNull @DefaultValue("5s") Duration maxBackoff,
        @Min(1) @Max(OutboxStore.SHARDS) @DefaultValue("2") int workers) {}
