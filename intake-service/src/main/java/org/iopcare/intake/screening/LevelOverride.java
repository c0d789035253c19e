package org.iopcare.intake.screening;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.iopcare.events.LevelOfCare;

/**
 * A clinician's decision against (or confirming) the rules table's recommendation.
 *
 * @param level the level of care decided
 * @param reason why, in writing (kept in intake, never published)
 */
public record LevelOverride(
        @NotNull LevelOfCare level,
        @NotBlank @Size(min = 10, max = 2000) String reason) {}
