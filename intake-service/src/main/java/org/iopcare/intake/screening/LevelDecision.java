package org.iopcare.intake.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.List;
import org.iopcare.events.LevelOfCare;
import org.jspecify.annotations.Nullable;

/**
 * The rules table's recommendation and the level decided: the recommended one until a clinician
 * overrides it, when the override's reason, author and time are kept beside the recommendation.
 *
 * @param reasonCodes the fired rules' codes, comma-separated
 */
@Embeddable
record LevelDecision(
        @Enumerated(EnumType.STRING) @Column(name = "recommended_level", nullable = false)
        LevelOfCare recommendedLevel,

        @Column(name = "reason_codes", nullable = false) String reasonCodes,
        boolean urgent,

        @Enumerated(EnumType.STRING) @Column(name = "decided_level", nullable = false)
        LevelOfCare decidedLevel,

        @Column(name = "override_reason") @Nullable String overrideReason,
        @Column(name = "overridden_by") @Nullable String overriddenBy,
        @Column(name = "overridden_at") @Nullable Instant overriddenAt) {

    static LevelDecision of(Recommendation recommendation) {
        return new LevelDecision(
                recommendation.level(),
                String.join(",", recommendation.reasonCodes()),
                recommendation.urgent(),
                recommendation.level(),
                null,
                null,
                null);
    }

    LevelDecision overriddenTo(LevelOfCare level, String reason, String by, Instant at) {
        return new LevelDecision(recommendedLevel, reasonCodes, urgent, level, reason, by, at);
    }

    List<String> reasonCodeList() {
        return reasonCodes.isEmpty() ? List.of() : List.of(reasonCodes.split(","));
    }
}
