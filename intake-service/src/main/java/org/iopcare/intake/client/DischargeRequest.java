package org.iopcare.intake.client;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.iopcare.events.DischargeReason;

/**
 * A discharge.
 *
 * @param reason why the client leaves
 * @param effectiveDate from this day on no session takes place; default today in the client's time
 *     zone; not before the enrollment's start date
 * @param note for the care team (kept in intake, never published)
 */
public record DischargeRequest(
        @NotNull DischargeReason reason,
        LocalDate effectiveDate,
        @Size(max = 2000) String note) {}
