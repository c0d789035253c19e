package org.iopcare.treatmentplan.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * treatment-plan's sources of work items.
 *
 * @param reviewDueWithin a plan in force whose review falls due within this many days (clinic
 *     time zone) becomes a NORMAL "review due" item for the primary clinician
 * @param reviewCheckInterval how often plans with a review falling due or overdue are looked for
 * @param highDueWithin a HIGH item (plan flagged, score worsened) is due this long after it is raised
 * @param phq9Worsening a PHQ-9 total this many points above the client's previous PHQ-9 is a HIGH
 *     item (5: the minimal clinically important difference, Löwe et al. 2004)
 * @param gad7Worsening a GAD-7 total this many points above the client's previous GAD-7 is a HIGH
 *     item (5 by the PHQ-9's convention; the published MCID is 4, Toussaint et al. 2020)
 */
@Validated
@ConfigurationProperties("iopcare.plans.work")
public record PlanWorkProperties(
        @NotNull @Min(0) @Max(30) @DefaultValue("3") Integer reviewDueWithin,
        @NotNull @DefaultValue("1h") Duration reviewCheckInterval,
        @NotNull @DefaultValue("1d") Duration highDueWithin,
        @NotNull @Min(1) @Max(27) @DefaultValue("5") Integer phq9Worsening,
        @NotNull @Min(1) @Max(21) @DefaultValue("5") Integer gad7Worsening) {}
