package org.iopcare.treatmentplan.assessment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.iopcare.treatmentplan.plan.Instrument;
import org.jspecify.annotations.Nullable;

/**
 * A PHQ-9 or GAD-7 administration.
 *
 * @param instrument PHQ9 (9 answers) or GAD7 (7 answers)
 * @param answers item answers in the instrument's order, each 0–3
 * @param administeredAt when the client answered; now when omitted; not in the future
 */
public record NewAssessment(
        @NotNull Instrument instrument,
        @NotNull @Size(min = 7, max = 9) List<@NotNull @Min(0) @Max(3) Integer> answers,
        @Nullable Instant administeredAt) {}
