package org.iopcare.intake.screening;

import java.util.List;

/** What the rules table looks at: the answers and the scores computed from them. */
record ScreeningFacts(
        ScreeningRequest.Ratings ratings,
        int phq9Score,
        int gad7Score,
        int phq9Item9,
        CurrentCare currentCare,
        boolean recentRelapse,
        boolean coOccurring,
        boolean suicidalIntent,
        boolean recentAttempt,
        boolean homicidalIdeation) {

    static ScreeningFacts of(ScreeningRequest request) {
        return new ScreeningFacts(
                request.ratings(),
                sum(request.phq9()),
                sum(request.gad7()),
                request.phq9().get(8),
                request.currentCare(),
                request.recentRelapse(),
                request.coOccurringDisorders(),
                request.safety().suicidalIntent(),
                request.safety().recentSuicideAttempt(),
                request.safety().homicidalIdeation());
    }

    static int sum(List<Integer> answers) {
        return answers.stream().mapToInt(Integer::intValue).sum();
    }
}
