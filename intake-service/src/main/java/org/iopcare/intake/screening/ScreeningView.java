package org.iopcare.intake.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.LevelOfCare;

/**
 * A screening as clinicians see it: answers, scores, the recommendation and the decision ({@link
 * #resultsOnly()} for intake coordinators).
 */
public record ScreeningView(
        UUID id,
        UUID inquiryId,
        UUID clientId,
        ScreeningRequest.Ratings ratings,
        List<Integer> phq9,
        int phq9Score,
        Phq9Band phq9Band,
        List<Integer> gad7,
        int gad7Score,
        Gad7Band gad7Band,
        CurrentCare currentCare,
        boolean recentRelapse,
        boolean coOccurringDisorders,
        ScreeningRequest.Safety safety,
        LevelOfCare recommendedLevel,
        List<String> reasonCodes,
        boolean urgent,
        LevelOfCare decidedLevel,
        String overrideReason,
        String overriddenBy,
        Instant overriddenAt,
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
        return new ScreeningView(
                s.id(),
                s.inquiryId(),
                s.clientId(),
                s.ratings(),
                s.phq9Answers(),
                s.phq9Score(),
                s.phq9Band(),
                s.gad7Answers(),
                s.gad7Score(),
                s.gad7Band(),
                s.currentCare(),
                s.recentRelapse(),
                s.coOccurring(),
                s.safety(),
                s.recommendedLevel(),
                s.reasonCodes(),
                s.urgent(),
                s.decidedLevel(),
                s.overrideReason(),
                s.overriddenBy(),
                s.overriddenAt(),
                s.screenedBy(),
                s.screenedAt());
    }
}
