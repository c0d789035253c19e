package org.iopcare.treatmentplan.note;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.iopcare.events.LevelOfCare;
import org.iopcare.treatmentplan.plan.PlanContent;
import org.jspecify.annotations.Nullable;

/**
 * The clinical content of one note version: for a group session the group's part and the client's
 * own part; for an individual session or check-in a structured progress note. Stored as one JSON
 * document per version, like a plan version.
 *
 * @param group the part written once for the whole group (group notes only)
 * @param attendee this client's part of a group note (group notes only)
 * @param progress the progress note of an individual session or check-in
 * @param discharge the discharge summary
 */
public record NoteContent(
        @Valid @Nullable GroupPart group,
        @Valid @Nullable AttendeePart attendee,
        @Valid @Nullable ProgressNote progress,
        @Valid @Nullable DischargeSummary discharge) {

    /** Whether the content has the parts a note of this kind has, and no other. */
    boolean fits(NoteKind kind) {
        return switch (kind) {
            case GROUP -> group != null && attendee != null && progress == null && discharge == null;
            case DISCHARGE_SUMMARY -> group == null && attendee == null && progress == null && discharge != null;
            default -> group == null && attendee == null && progress != null && discharge == null;
        };
    }

    /** The same content with these assembled facts in its discharge part. */
    NoteContent withFacts(DischargeFacts facts) {
        return new NoteContent(
                group, attendee, progress, new DischargeSummary(facts, discharge.aftercare(), discharge.referrals()));
    }

    /**
     * A discharge summary: the facts assembled from the record on discharge, and what the clinician
     * completes.
     *
     * @param facts assembled by the service; what an edit sends here is ignored
     * @param aftercare the aftercare plan; required to sign
     * @param referrals step-down and aftercare referrals
     */
    public record DischargeSummary(
            @Nullable DischargeFacts facts,
            @Size(max = 4000) @Nullable String aftercare,
            @Size(max = 10) @Nullable List<@NotNull @Valid Referral> referrals) {

        boolean complete() {
            return aftercare != null && !aftercare.isBlank();
        }
    }

    /**
     * A referral on discharge.
     *
     * @param levelOfCare the level of care referred to, e.g. OUTPATIENT for a step down
     * @param provider who the client is referred to
     */
    public record Referral(
            @NotNull LevelOfCare levelOfCare,
            @NotBlank @Size(max = 200) String provider) {}

    /**
     * The group's part, written once by the facilitator.
     *
     * @param topic what the group worked on
     * @param modality the kind of group
     * @param interventions the interventions used, e.g. "CBT thought records", "relapse-prevention
     *     role play"
     */
    public record GroupPart(
            @NotBlank @Size(max = 200) String topic,
            @NotNull PlanContent.Modality modality,
            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 200) String> interventions) {}

    /**
     * One attendee's part of a group note.
     *
     * @param participation how the client took part
     * @param objective the objective of the client's plan the progress is about; optional
     * @param progress progress toward that objective
     * @param riskCheck the result of the risk check
     * @param comment a short individual observation
     */
    public record AttendeePart(
            @NotNull Participation participation,
            @Valid @Nullable ObjectiveRef objective,
            @NotNull ProgressRating progress,
            @NotNull RiskCheck riskCheck,
            @Size(max = 2000) @Nullable String comment) {}

    /**
     * A progress note in DAP (data, assessment, plan) or BIRP (behavior, intervention, response,
     * plan) structure: the sections of the chosen format are required, the others absent.
     *
     * @param objectives the plan objectives the session worked on, each with a progress rating
     */
    public record ProgressNote(
            @NotNull NoteFormat format,
            @Size(max = 4000) @Nullable String data,
            @Size(max = 4000) @Nullable String assessment,
            @Size(max = 4000) @Nullable String behavior,
            @Size(max = 4000) @Nullable String intervention,
            @Size(max = 4000) @Nullable String response,
            @Size(max = 4000) @Nullable String plan,
            @NotNull @Size(max = 10) List<@NotNull @Valid ObjectiveProgress> objectives,
            @NotNull RiskCheck riskCheck) {

        @AssertTrue(
                message = "must have exactly the sections of its format: DAP data, assessment, plan;"
                        + " BIRP behavior, intervention, response, plan")
        boolean isStructured() {
            if (format == null) {
                return true;
            }
            return format == NoteFormat.DAP
                    ? present(data)
                            && present(assessment)
                            && present(plan)
                            && behavior == null
                            && intervention == null
                            && response == null
                    : present(behavior)
                            && present(intervention)
                            && present(response)
                            && present(plan)
                            && data == null
                            && assessment == null;
        }

        private static boolean present(@Nullable String section) {
            return section != null && !section.isBlank();
        }
    }

    /**
     * An objective of the client's plan, by its place in the plan's current version, from 1.
     *
     * @param problem the problem's place in the plan
     * @param goal the goal's place in the problem
     * @param objective the objective's place in the goal
     */
    public record ObjectiveRef(
            @NotNull @Min(1) @Max(20) Integer problem,
            @NotNull @Min(1) @Max(10) Integer goal,
            @NotNull @Min(1) @Max(10) Integer objective) {}

    /** An objective worked on and the progress made. */
    public record ObjectiveProgress(
            @NotNull @Valid ObjectiveRef objective, @NotNull ProgressRating rating) {}

    /** The documented structure of a progress note. */
    public enum NoteFormat {
        DAP,
        BIRP
    }

    /** How a client took part in a group. */
    public enum Participation {
        ACTIVE,
        RESPONSIVE_WHEN_PROMPTED,
        MINIMAL,
        DISRUPTIVE
    }

    /** Progress toward an objective. */
    public enum ProgressRating {
        REGRESSED,
        NO_CHANGE,
        SOME_PROGRESS,
        SIGNIFICANT_PROGRESS,
        ACHIEVED
    }

    /** The result of a session's risk check. */
    public enum RiskCheck {
        NO_RISK_IDENTIFIED,
        RISK_IDENTIFIED_SAFETY_PLAN_REVIEWED,
        RISK_IDENTIFIED_ESCALATED
    }
}
