package org.iopcare.treatmentplan.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A recorded plan review.
 *
 * @param reviewedBy the token subject of the staff member who recorded it
 * @param clearedFlags the flags it resolved
 * @param previousDue the review date it answered
 * @param nextDue the review date it set
 */
public record PlanReview(
        UUID id,
        UUID planId,
        UUID clientId,
        String reviewedBy,
        Instant reviewedAt,
        List<String> participants,
        ReviewOutcome outcome,
        String note,
        List<FlagReason> clearedFlags,
        LocalDate previousDue,
        LocalDate nextDue) {}
