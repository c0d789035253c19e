package org.iopcare.notification.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The circuit breaker in front of each SMS provider (Resilience4j, count-based window). Only
 * certain failures count (refused connection, 429, 5xx); refusals of one message and timeouts do
 * not. While open, no request goes to that provider: the next one takes over, or messages wait
 * (without using up their attempts).
 *
 * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
 * @param slidingWindowSize calls the failure rate is computed over
 * @param minimumCalls calls needed before the rate counts
 * @param openFor how long the breaker stays open before letting trial calls through
 */
@Validated
@ConfigurationProperties("iopcare.notification.sms.breaker")
public record BreakerProperties(
        @Min(1) @Max(100) @DefaultValue("50") int failureRateThreshold,
        @Min(1) @DefaultValue("20") int slidingWindowSize,
        @Min(1) @DefaultValue("10") int minimumCalls,
        @NotNull @DefaultValue("30s") Duration openFor) {}
