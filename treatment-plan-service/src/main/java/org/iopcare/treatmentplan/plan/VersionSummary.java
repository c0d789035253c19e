package org.iopcare.treatmentplan.plan;

import java.time.Instant;

/**
 * Who changed a plan, when and why.
 *
 * @param awaitingCosignature written by staff whose work needs a supervisor's co-signature, which it
 *     has not had yet: it cannot be activated
 */
public record VersionSummary(
        int number, int basedOn, String author, Instant createdAt, String reason, boolean awaitingCosignature) {

    static VersionSummary of(PlanVersion version, boolean awaitingCosignature) {
        return new VersionSummary(
                version.number(),
                version.basedOn(),
                version.author(),
                version.createdAt(),
                version.reason(),
                awaitingCosignature);
    }
}
