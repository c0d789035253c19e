package org.iopcare.treatmentplan.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A treatment plan as clinicians see it. */
public record PlanView(
        UUID id,
        UUID clientId,
        UUID enrollmentId,
        PlanStatus status,
        String primaryClinicianId,
        LocalDate startDate,
        Instant openedAt,
        LocalDate nextReviewDue) {

    static PlanView of(TreatmentPlan plan) {
        return new PlanView(
                plan.id(),
                plan.clientId(),
                plan.enrollmentId(),
                plan.status(),
                plan.primaryClinicianId(),
                plan.startDate(),
                plan.openedAt(),
                plan.nextReviewDue());
    }
}
