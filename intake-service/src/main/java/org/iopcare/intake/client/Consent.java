package org.iopcare.intake.client;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Instant;

/**
 * A consent given or withheld, with when and how it was recorded.
 *
 * @param given whether the client consents
 * @param recordedAt when the client gave or withdrew it (not in the future)
 * @param source how it was obtained
 */
public record Consent(
        @NotNull Boolean given,
        @NotNull @PastOrPresent Instant recordedAt,
        @NotNull ConsentSource source) {}
