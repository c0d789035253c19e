package org.iopcare.intake.ratelimit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limit of the public inquiry form, per client address, per service instance. Which proxies'
 * {@code X-Forwarded-For} is believed is the server's setting ({@code
 * server.tomcat.remoteip.internal-proxies}), not the limit's.
 *
 * @param enabled whether the limit applies
 * @param requests how many submissions one address may make in a burst
 * @param per the time in which a full burst is earned back (tokens refill evenly over it)
 * @param maxTrackedAddresses bound on the addresses remembered; beyond it, full buckets are dropped
 */
@Validated
@ConfigurationProperties("iopcare.intake.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Min(1) @DefaultValue("10") int requests,
        @NotNull @DefaultValue("10m") Duration per,
        @Min(100) @DefaultValue("100000") int maxTrackedAddresses) {}
