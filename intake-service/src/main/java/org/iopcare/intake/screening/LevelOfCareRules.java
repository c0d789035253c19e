package org.iopcare.intake.screening;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iopcare.events.LevelOfCare;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The clinic's level-of-care rules table. Every rule whose conditions all hold fires; the most
 * intensive level among the fired rules is recommended, with the codes of the rules that fired at
 * that level. When none fires, {@code defaultLevel} with {@code defaultReason}. The shipped table
 * is in the service's application.yaml and documented in docs/intake-service.md.
 *
 * @param rules the rules, in the order their codes are reported
 * @param defaultLevel the recommendation when no rule fires
 * @param defaultReason the reason code reported then
 */
@Validated
@ConfigurationProperties("iopcare.intake.level-of-care")
public record LevelOfCareRules(
        @NotEmpty List<@Valid @NotNull Rule> rules,
        @NotNull @DefaultValue("OUTPATIENT") LevelOfCare defaultLevel,

        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]*") @DefaultValue("NO_INTENSIVE_NEED")
        String defaultReason) {

    /**
     * One row of the table.
     *
     * @param code the reason code reported when it fires (published, so a code, never free text)
     * @param level the level of care it recommends
     * @param when its conditions, all of which must hold
     */
    public record Rule(
            @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]*") String code,
            @NotNull LevelOfCare level,
            @NotNull @Valid When when) {}

    /**
     * Conditions of a rule; an absent condition is not checked, at least one must be given.
     *
     * @param minRatings each listed area rated at least this
     * @param maxRatings each listed area rated at most this
     * @param minPhq9 PHQ-9 total at least
     * @param maxPhq9 PHQ-9 total at most
     * @param minGad7 GAD-7 total at least
     * @param maxGad7 GAD-7 total at most
     * @param minPhq9Item9 PHQ-9 item 9 answer at least
     * @param currentCare the current level of care is one of these
     * @param recentRelapse the recent-relapse answer equals this
     * @param coOccurring the co-occurring-disorders answer equals this
     * @param suicidalIntent the suicidal-intent answer equals this
     * @param recentAttempt the recent-attempt answer equals this
     * @param homicidalIdeation the homicidal-ideation answer equals this
     */
    public record When(
            Map<RiskArea, Integer> minRatings,
            Map<RiskArea, Integer> maxRatings,
            Integer minPhq9,
            Integer maxPhq9,
            Integer minGad7,
            Integer maxGad7,
            Integer minPhq9Item9,
            Set<CurrentCare> currentCare,
            Boolean recentRelapse,
            Boolean coOccurring,
            Boolean suicidalIntent,
            Boolean recentAttempt,
            Boolean homicidalIdeation) {

        @AssertTrue(message = "a rule needs at least one condition")
        boolean isConstrained() {
            return (minRatings != null && !minRatings.isEmpty())
                    || (maxRatings != null && !maxRatings.isEmpty())
                    || minPhq9 != null
                    || maxPhq9 != null
                    || minGad7 != null
                    || maxGad7 != null
                    || minPhq9Item9 != null
                    || (currentCare != null && !currentCare.isEmpty())
                    || recentRelapse != null
                    || coOccurring != null
                    || suicidalIntent != null
                    || recentAttempt != null
                    || homicidalIdeation != null;
        }

        boolean holdsFor(ScreeningFacts facts) {
            return ratingsAtLeast(facts)
                    && ratingsAtMost(facts)
                    && (minPhq9 == null || facts.phq9Score() >= minPhq9)
                    && (maxPhq9 == null || facts.phq9Score() <= maxPhq9)
                    && (minGad7 == null || facts.gad7Score() >= minGad7)
                    && (maxGad7 == null || facts.gad7Score() <= maxGad7)
                    && (minPhq9Item9 == null || facts.phq9Item9() >= minPhq9Item9)
                    && (currentCare == null || currentCare.isEmpty() || currentCare.contains(facts.currentCare()))
                    && (recentRelapse == null || recentRelapse == facts.recentRelapse())
                    && (coOccurring == null || coOccurring == facts.coOccurring())
                    && (suicidalIntent == null || suicidalIntent == facts.suicidalIntent())
                    && (recentAttempt == null || recentAttempt == facts.recentAttempt())
                    && (homicidalIdeation == null || homicidalIdeation == facts.homicidalIdeation());
        }

        private boolean ratingsAtLeast(ScreeningFacts facts) {
            return minRatings == null
                    || minRatings.entrySet().stream()
                            .allMatch(e -> facts.ratings().of(e.getKey()) >= e.getValue());
        }

        private boolean ratingsAtMost(ScreeningFacts facts) {
            return maxRatings == null
                    || maxRatings.entrySet().stream()
                            .allMatch(e -> facts.ratings().of(e.getKey()) <= e.getValue());
        }
    }
}
