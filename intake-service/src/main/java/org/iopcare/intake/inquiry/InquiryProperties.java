package org.iopcare.intake.inquiry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Inquiry handling.
 *
 * @param duplicateWindow a new inquiry from a phone or email seen within this window is linked to
 *     the earlier one and not acknowledged again
 * @param idempotencyKeyLifetime how long an {@code Idempotency-Key} replays its first answer
 * @param idempotencyPurgeInterval how often expired keys are deleted
 * @param fingerprintSecret the key of the forms' fingerprints in the idempotency table (HMAC-SHA256);
 *     a secret in production, where the local run's value is refused
 */
@Validated
@ConfigurationProperties("iopcare.intake.inquiries")
public record InquiryProperties(
        @NotNull @DefaultValue("30d") Duration duplicateWindow,
        @NotNull @DefaultValue("24h") Duration idempotencyKeyLifetime,
        @NotBlank String fingerprintSecret,
        @NotNull @DefaultValue("PT1H") Duration idempotencyPurgeInterval) {}
