package org.iopcare.treatmentplan.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The whole clinical content of one plan version. Stored as one JSON document per version: a
 * version is always read and written whole, never queried by its parts.
 *
 * @param problems what the plan addresses, each with its goals
 * @param interventions what the program does about it
 */
public record PlanContent(
        @NotNull @Size(max = 20) List<@NotNull @Valid Problem> problems,
        @NotNull @Size(max = 30) List<@NotNull @Valid Intervention> interventions) {

    /**
     * A problem the plan addresses.
     *
     * @param category the kind of problem
     * @param statement the problem in the clinician's words
     * @param goals SMART goals for this problem
     */
    public record Problem(
            @NotNull ProblemCategory category,
            @NotBlank @Size(max = 1000) String statement,
            @NotNull @Size(max = 10) List<@NotNull @Valid Goal> goals) {}

    /**
     * A SMART goal.
     *
     * @param statement the goal, specific and measurable
     * @param targetDate when it should be reached
     * @param measureTarget optional: the assessment score the goal aims below, e.g. PHQ-9 below 10
     * @param objectives the measurable steps towards it
     */
    public record Goal(
            @NotBlank @Size(max = 1000) String statement,
            @NotNull LocalDate targetDate,
            @Valid @Nullable MeasureTarget measureTarget,
            @NotNull @Size(max = 10) List<@NotNull @Valid Objective> objectives) {}

    /**
     * A goal's target on a standard measure.
     *
     * @param instrument PHQ9 or GAD7
     * @param below the goal is met when the latest total score is below this value
     */
    public record MeasureTarget(
            @NotNull Instrument instrument,
            @NotNull @Min(1) @Max(27) Integer below) {

        @AssertTrue(message = "must be at most the instrument's maximum score")
        boolean isWithinInstrumentRange() {
            return instrument == null || below == null || below <= instrument.maxScore();
        }
    }

    /**
     * A measurable objective.
     *
     * @param statement the objective
     * @param status how far it is
     */
    public record Objective(
            @NotBlank @Size(max = 1000) String statement,
            @NotNull ObjectiveStatus status) {}

    /**
     * An intervention of the program.
     *
     * @param modality which kind of care
     * @param frequency how often
     * @param responsibleRole who delivers it
     * @param description optional detail in the clinician's words
     */
    public record Intervention(
            @NotNull Modality modality,
            @NotNull @Valid Frequency frequency,
            @NotNull ResponsibleRole responsibleRole,
            @Size(max = 1000) @Nullable String description) {}

    /**
     * How often an intervention takes place: {@code times} per {@code per}.
     *
     * @param times how many times
     * @param per in which period
     */
    public record Frequency(
            @NotNull @Min(1) @Max(31) Integer times,
            @NotNull Per per) {}

    /** The period of a frequency. */
    public enum Per {
        DAY,
        WEEK,
        MONTH
    }

    /** Problem categories of the program. */
    public enum ProblemCategory {
        MENTAL_HEALTH,
        SUBSTANCE_USE,
        CO_OCCURRING,
        PSYCHOSOCIAL
    }

    /** Where an objective stands. */
    public enum ObjectiveStatus {
        NOT_STARTED,
        IN_PROGRESS,
        ACHIEVED,
        DISCONTINUED
    }

    /** The program's modalities. */
    public enum Modality {
        GROUP_THERAPY,
        INDIVIDUAL_THERAPY,
        PSYCHOEDUCATION,
        SUPPORT_GROUP,
        EXPRESSIVE_THERAPY,
        FAMILY_SESSION,
        MEDICATION_MANAGEMENT_REFERRAL
    }

    /** Who delivers an intervention. */
    public enum ResponsibleRole {
        PRIMARY_CLINICIAN,
        GROUP_FACILITATOR,
        CLINICAL_SUPERVISOR,
        PSYCHIATRIC_PROVIDER,
        CASE_MANAGER,
        PEER_SUPPORT_SPECIALIST
    }
}
