package org.iopcare.treatmentplan.plan;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A plan whose review is due or overdue.
 *
 * @param daysOverdue 0 when due today
 */
public record ReviewDue(
        UUID planId,
        UUID clientId,
        String primaryClinicianId,
        PlanStatus status,
        LocalDate nextReviewDue,
        long daysOverdue) {

    static ReviewDue of(TreatmentPlan plan, LocalDate today) {
        return new ReviewDue(
                plan.id(),
                plan.clientId(),
                plan.primaryClinicianId(),
                plan.status(),
                plan.nextReviewDue(),
                java.time.temporal.ChronoUnit.DAYS.between(plan.nextReviewDue(), today));
    }
}
