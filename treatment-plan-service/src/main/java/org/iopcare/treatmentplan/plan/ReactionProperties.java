package org.iopcare.treatmentplan.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When what happens to a client flags their plan for review.
 *
 * @param missedInARow this many sessions missed in a row flag the plan
 * @param missedWithinWindow this many sessions missed within {@code missedWindow} flag the plan
 * @param missedWindow the window for {@code missedWithinWindow}, ending with the missed session
 * @param phq9Worsening a PHQ-9 total this many points above the plan's baseline (its first PHQ-9)
 *     flags the plan; so does a PHQ-9 moving into the severe band
 */
@Validated
@ConfigurationProperties("iopcare.plans.reactions")
public record ReactionProperties(
        @NotNull @Min(1) @Max(50) @DefaultValue("2") Integer missedInARow,
        @NotNull @Min(1) @Max(50) @DefaultValue("3") Integer missedWithinWindow,
        @NotNull @DefaultValue("14d") Duration missedWindow,
        @NotNull @Min(1) @Max(27) @DefaultValue("5") Integer phq9Worsening) {

    /** The defaults, for tests. */
    public static ReactionProperties defaults() {
        return new ReactionProperties(2, 3, Duration.ofDays(14), 5);
    }
}
