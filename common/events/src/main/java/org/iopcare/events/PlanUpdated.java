package org.iopcare.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A treatment plan got a new version, was activated, flagged for review, fell due for review or
 * was closed. Carries codes only: problems, goals, interventions and scores stay in
 * treatment-plan.
 *
 * @param eventId unique per event
 * @param occurredAt when the change was made
 * @param clientId the client
 * @param planId the plan
 * @param version the plan version current after the change, from 1
 * @param changeType what happened
 * @param status the plan's status after the change
 * @param reasonCodes why, for flags and reviews: {@code MISSED_SESSIONS},
 *     {@code ATTENDANCE_BELOW_MINIMUM}, {@code SCORE_WORSENED}, {@code URGENT_SAFETY},
 *     {@code SCHEDULED_REVIEW}; codes, never free text; may be empty
 * @param urgent the care team must act now
 * @param nextReviewDue when the next review falls due, or null when none is scheduled (draft or
 *     closed plans)
 */
public record PlanUpdated(
        UUID eventId,
        Instant occurredAt,
        UUID clientId,
        UUID planId,
        int version,
        PlanChangeType changeType,
        PlanStatus status,
        List<String> reasonCodes,
        boolean urgent,
        @Nullable LocalDate nextReviewDue)
        implements IntegrationEvent {

    public PlanUpdated {
        reasonCodes = List.copyOf(Objects.requireNonNull(reasonCodes, "reasonCodes"));
    }
}
