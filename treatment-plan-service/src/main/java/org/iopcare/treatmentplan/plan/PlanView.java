package org.iopcare.treatmentplan.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A treatment plan as clinicians see it.
 *
 * @param currentVersion the latest version, 0 while none was written
 * @param activeVersion the version in force, null until the plan was first activated
 * @param openFlags why the plan needs review, while unresolved
 * @param content the current version's content, null while none was written
 */
public record PlanView(
        UUID id,
        UUID clientId,
        UUID enrollmentId,
        PlanStatus status,
        String primaryClinicianId,
        LocalDate startDate,
        Instant openedAt,
        LocalDate nextReviewDue,
        int currentVersion,
        @Nullable Integer activeVersion,
        @Nullable Instant acknowledgedAt,
        Activation.@Nullable AcknowledgementMethod acknowledgementMethod,
        @Nullable Instant closedAt,
        List<FlagReason> openFlags,
        @Nullable PlanContent content) {

    static PlanView of(TreatmentPlan plan, @Nullable PlanContent content, List<FlagReason> openFlags) {
        return new PlanView(
                plan.id(),
                plan.clientId(),
                plan.enrollmentId(),
                plan.status(),
                plan.primaryClinicianId(),
                plan.startDate(),
                plan.openedAt(),
                plan.nextReviewDue(),
                plan.currentVersion(),
                plan.activeVersion(),
                plan.acknowledgedAt(),
                plan.acknowledgementMethod(),
                plan.closedAt(),
                openFlags,
                content);
    }
}
