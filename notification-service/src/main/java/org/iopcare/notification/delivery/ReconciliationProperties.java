package org.iopcare.notification.delivery;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How UNKNOWN SMS are reconciled against the provider.
 *
 * @param interval how often the reconciliation runs (one instance at a time, a db-scheduler task)
 * @param after how long a message stays UNKNOWN before the provider is first asked (its list may
 *     lag behind a request it is still processing)
 * @param absentFor how long after the attempt the provider must still have no record of the
 *     message before it is sent again
 */
@Validated
@ConfigurationProperties("iopcare.notification.reconciliation")
public record ReconciliationProperties(
        @NotNull @DefaultValue("1m") Duration interval,
        @NotNull @DefaultValue("30s") Duration after,
        @NotNull @DefaultValue("10m") Duration absentFor) {}
