package org.iopcare.treatmentplan.plan;

import java.time.Instant;

/** Who changed a plan, when and why. */
public record VersionSummary(int number, int basedOn, String author, Instant createdAt, String reason) {

    static VersionSummary of(PlanVersion version) {
        return new VersionSummary(
                version.number(), version.basedOn(), version.author(), version.createdAt(), version.reason());
    }
}
