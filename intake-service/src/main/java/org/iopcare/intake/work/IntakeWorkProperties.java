package org.iopcare.intake.work;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * intake's sources of work items.
 *
 * @param contactWithin business days (Monday to Friday in the clinic's zone) within which a new
 *     inquiry must be contacted; after that the intake team gets a HIGH item
 * @param clinicZone the clinic's time zone, for counting business days
 * @param contactCheckInterval how often the uncontacted inquiries are looked for
 */
@Validated
@ConfigurationProperties("iopcare.intake")
public record IntakeWorkProperties(
        @DefaultValue("1") @Min(1) @Max(30) int contactWithin,
        @DefaultValue("America/New_York") @NotNull ZoneId clinicZone,
        @DefaultValue("5m") @NotNull Duration contactCheckInterval) {}
