package org.iopcare.intake.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.LevelOfCare;
import org.jspecify.annotations.Nullable;

/**
 * A screening as clinicians see it: answers, scores, the recommendation and the decision ({@link
 * #resultsOnly()} for intake coordinators).
 */
public record ScreeningView(
        UUID id,
        UUID inquiryId,
        UUID clientId,
        ScreeningRequest.@Nullable Ratings ratings,
        @Nullable List<Integer> phq9,
        int phq9Score,
        Phq9Band phq9Band,
        @Nullable List<Integer> gad7,
        int gad7Score,
        Gad7Band gad7Band,
        CurrentCare currentCare,
        boolean recentRelapse,
        boolean coOccurringDisorders,
        ScreeningRequest.@Nullable Safety safety,
        LevelOfCare recommendedLevel,
        List<String> reasonCodes,
        boolean urgent,
        LevelOfCare decidedLevel,
        @Nullable String overrideReason,
        @Nullable String overriddenBy,
        @Nullable Instant overriddenAt,
        String screenedBy,
        Instant screenedAt) {

    /**
     * The screening's results without its answers, for intake coordinators: scores, bands, the
     * recommendation and the decision; no item answers, ratings, safety answers or written reason.
     */
    ScreeningView resultsOnly() {
        return new ScreeningView(
                id,
                inquiryId,
                clientId,
                null,
                null,
                phq9Score,
                phq9Band,
                null,
                gad7Score,
                gad7Band,
                currentCare,
                recentRelapse,
                coOccurringDisorders,
                null,
                recommendedLevel,
                reasonCodes,
                urgent,
                decidedLevel,
                null,
                overriddenBy,
                overriddenAt,
                screenedBy,
                screenedAt);
    }

    static ScreeningView of(Screening s) {
        InstrumentScores instruments = s.instruments();
        LevelDecision decision = s.decision();
        return new ScreeningView(
                s.id(),
                s.inquiryId(),
                s.clientId(),
                s.ratings().asRequest(),
                instruments.phq9Answers(),
                instruments.phq9Score(),
                instruments.phq9Band(),
                instruments.gad7Answers(),
                instruments.gad7Score(),
                instruments.gad7Band(),
                s.currentCare(),
                s.recentRelapse(),
                s.coOccurring(),
                s.safety().asRequest(),
                decision.recommendedLevel(),
                decision.reasonCodeList(),
                decision.urgent(),
                decision.decidedLevel(),
                decision.overrideReason(),
                decision.overriddenBy(),
                decision.overriddenAt(),
                s.screenedBy(),
                s.screenedAt());
    }
}
