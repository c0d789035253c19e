package org.iopcare.treatmentplan.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.PlanChangeType;
import org.iopcare.events.PlanUpdated;
import org.iopcare.support.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Publishes {@code plan-updated} through the outbox: ids, codes and dates, never clinical text. */
@Component
class PlanEvents {

    private final Outbox outbox;
    private final Clock clock;

    PlanEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    void publish(TreatmentPlan plan, PlanChangeType change, List<FlagReason> reasons, boolean urgent) {
        org.iopcare.events.PlanStatus status =
                org.iopcare.events.PlanStatus.valueOf(plan.status().name());
        // the contract: no review is scheduled for a plan that is not in force
        boolean inForce = plan.status() == PlanStatus.ACTIVE || plan.status() == PlanStatus.REVIEW_REQUIRED;
        outbox.append(new PlanUpdated(
                UUID.randomUUID(),
                Instant.now(clock),
                plan.clientId(),
                plan.id(),
                plan.currentVersion(),
                change,
                status,
                reasons.stream().map(Enum::name).toList(),
                urgent,
                inForce ? plan.nextReviewDue() : null));
    }
}
