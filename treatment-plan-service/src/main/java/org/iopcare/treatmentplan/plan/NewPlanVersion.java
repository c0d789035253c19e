package org.iopcare.treatmentplan.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new version of a plan: its full content, not a difference.
 *
 * @param basedOnVersion the version the author edited (0 for the first); a write based on an older
 *     version than the current one is refused with 409
 * @param reason why the plan changed
 * @param content the whole content of the new version
 */
public record NewPlanVersion(
        @NotNull @Min(0) Integer basedOnVersion,
        @NotBlank @Size(max = 500) String reason,
        @NotNull @Valid PlanContent content) {}
