package org.iopcare.intake.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/**
 * A move of an enrolled client to another program track, within the same enrollment.
 *
 * @param trackCode the track the client joins, e.g. MH-IOP-PM: one scheduling published, not retired,
 *     not the current one
 * @param effectiveDate the first day in the new track; not before today in the client's time zone nor
 *     before the enrollment's start date
 */
public record TransferRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}")
        String trackCode,

        @NotNull LocalDate effectiveDate) {}
