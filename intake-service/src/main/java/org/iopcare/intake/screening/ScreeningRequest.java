package org.iopcare.intake.screening;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A screening of an inquirer, as a clinician records it.
 *
 * @param ratings risk ratings 0–4 on the six areas
 * @param phq9 the nine PHQ-9 item answers, each 0–3, in questionnaire order (item 9 last)
 * @param gad7 the seven GAD-7 item answers, each 0–3, in questionnaire order
 * @param currentCare the level of care the person is in now (PHP or INPATIENT means a step-down)
 * @param recentRelapse a relapse in the last 90 days
 * @param coOccurringDisorders co-occurring mental health and substance use disorders
 * @param safety the safety answers
 */
public record ScreeningRequest(
        @NotNull @Valid Ratings ratings,
        @NotNull @Size(min = 9, max = 9) List<@NotNull @Min(0) @Max(3) Integer> phq9,
        @NotNull @Size(min = 7, max = 7) List<@NotNull @Min(0) @Max(3) Integer> gad7,
        @NotNull CurrentCare currentCare,
        @NotNull Boolean recentRelapse,
        @NotNull Boolean coOccurringDisorders,
        @NotNull @Valid Safety safety) {

    /**
     * Risk ratings, 0 (none) to 4 (severe).
     *
     * @param withdrawal intoxication and withdrawal potential
     * @param biomedical biomedical conditions and complications
     * @param emotional emotional, behavioural or cognitive conditions
     * @param readiness readiness to change (4: not ready at all)
     * @param relapse relapse or continued use potential
     * @param environment recovery or living environment (4: unsupportive, unsafe)
     */
    public record Ratings(
            @NotNull @Min(0) @Max(4) Integer withdrawal,
            @NotNull @Min(0) @Max(4) Integer biomedical,
            @NotNull @Min(0) @Max(4) Integer emotional,
            @NotNull @Min(0) @Max(4) Integer readiness,
            @NotNull @Min(0) @Max(4) Integer relapse,
            @NotNull @Min(0) @Max(4) Integer environment) {

        int of(RiskArea area) {
            return switch (area) {
                case WITHDRAWAL -> withdrawal;
                case BIOMEDICAL -> biomedical;
                case EMOTIONAL -> emotional;
                case READINESS -> readiness;
                case RELAPSE -> relapse;
                case ENVIRONMENT -> environment;
            };
        }
    }

    /**
     * Safety answers.
     *
     * @param suicidalIntent current suicidal intent or a plan
     * @param recentSuicideAttempt a suicide attempt in the last 30 days
     * @param homicidalIdeation thoughts of harming others
     */
    public record Safety(
            @NotNull Boolean suicidalIntent,
            @NotNull Boolean recentSuicideAttempt,
            @NotNull Boolean homicidalIdeation) {}
}
