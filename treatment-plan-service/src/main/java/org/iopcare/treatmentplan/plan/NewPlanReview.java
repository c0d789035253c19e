package org.iopcare.treatmentplan.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A plan review as the reviewer records it.
 *
 * @param participants who took part: staff subjects, or roles such as "client" and "family", as
 *     the reviewer writes them
 * @param outcome what the review decided
 * @param note a short summary of the review in the reviewer's words
 * @param addressedFlags the open flags the review resolves; absent or empty: every open flag
 */
public record NewPlanReview(
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> participants,
        @NotNull ReviewOutcome outcome,
        @NotBlank @Size(max = 1000) String note,
        @Size(max = 10) @Nullable List<@NotNull FlagReason> addressedFlags) {}
