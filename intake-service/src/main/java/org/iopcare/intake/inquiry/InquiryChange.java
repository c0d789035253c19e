package org.iopcare.intake.inquiry;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

/**
 * A staff step in the pipeline: a status change, a note, or both.
 *
 * @param status the status to move to; must be allowed from the current one (409 otherwise).
 *     ENROLLED is reached through {@code POST /api/enrollments} only
 * @param note what happened, for the intake team (kept in intake, never published)
 */
public record InquiryChange(
        InquiryStatus status, @Size(max = 2000) String note) {

    @AssertTrue(message = "a status or a note is required")
    boolean isSomethingGiven() {
        return status != null || (note != null && !note.isBlank());
    }
}
