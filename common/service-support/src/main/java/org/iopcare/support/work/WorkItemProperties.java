package org.iopcare.support.work;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Work items' escalation.
 *
 * @param escalateAfter how long an URGENT item may stay unacknowledged before it moves to the next
 *     queue (clinical supervisors, then program administrators)
 * @param checkInterval how often each instance looks for items due to escalate and refreshes the
 *     work-item gauges
 * @param batchSize at most this many items escalate in one transaction
 */
@Validated
@ConfigurationProperties("iopcare.work")
public record WorkItemProperties(
        @DefaultValue("15m") @NotNull Duration escalateAfter,
        @DefaultValue("30s") @NotNull Duration checkInterval,
        @DefaultValue("100") @Min(1) @Max(1000) int batchSize) {}
