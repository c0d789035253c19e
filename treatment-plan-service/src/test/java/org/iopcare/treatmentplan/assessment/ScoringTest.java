package org.iopcare.treatmentplan.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.iopcare.support.web.ProblemException;
import org.iopcare.treatmentplan.plan.Instrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringTest {

    @ParameterizedTest
    @CsvSource({
        "0, MINIMAL",
        "4, MINIMAL",
        "5, MILD",
        "9, MILD",
        "10, MODERATE",
        "14, MODERATE",
        "15, MODERATELY_SEVERE",
        "19, MODERATELY_SEVERE",
        "20, SEVERE",
        "27, SEVERE"
    })
    void bandsPhq9AtEachBoundary(int total, Band band) {
        Scoring.Score score = Scoring.score(Instrument.PHQ9, answersSummingTo(9, total));
        assertThat(score.total()).isEqualTo(total);
        assertThat(score.band()).isEqualTo(band);
    }

    @ParameterizedTest
    @CsvSource({
        "0, MINIMAL",
        "4, MINIMAL",
        "5, MILD",
        "9, MILD",
        "10, MODERATE",
        "14, MODERATE",
        "15, SEVERE",
        "21, SEVERE"
    })
    void bandsGad7AtEachBoundary(int total, Band band) {
        Scoring.Score score = Scoring.score(Instrument.GAD7, answersSummingTo(7, total));
        assertThat(score.total()).isEqualTo(total);
        assertThat(score.band()).isEqualTo(band);
    }

    @Test
    void refusesTheWrongNumberOfItemsAndAnswersOutOfRange() {
        assertProblem(() -> Scoring.score(Instrument.PHQ9, Collections.nCopies(7, 1)), "wrong-item-count");
        assertProblem(() -> Scoring.score(Instrument.GAD7, Collections.nCopies(9, 1)), "wrong-item-count");
        assertProblem(() -> Scoring.score(Instrument.GAD7, List.of(0, 1, 2, 3, 4, 0, 0)), "answer-out-of-range");
        assertProblem(() -> Scoring.score(Instrument.GAD7, List.of(0, 1, 2, 3, -1, 0, 0)), "answer-out-of-range");
    }

    @Test
    void onlyPhq9ItemNineAboveZeroIsASelfHarmSignal() {
        List<Integer> phq9 = new ArrayList<>(Collections.nCopies(9, 0));
        assertThat(Scoring.selfHarmPositive(Instrument.PHQ9, phq9)).isFalse();
        phq9.set(8, 1);
        assertThat(Scoring.selfHarmPositive(Instrument.PHQ9, phq9)).isTrue();
        phq9.set(8, 0);
        phq9.set(7, 3);
        assertThat(Scoring.selfHarmPositive(Instrument.PHQ9, phq9)).isFalse();
        assertThat(Scoring.selfHarmPositive(Instrument.GAD7, List.of(0, 0, 0, 0, 0, 0, 3)))
                .isFalse();
    }

    /** Answers 0–3 adding up to the total, item 9 kept at 0. */
    static List<Integer> answersSummingTo(int items, int total) {
        List<Integer> answers = new ArrayList<>(Collections.nCopies(items, 0));
        int left = total;
        for (int i = 0; i < items && left > 0; i++) {
            int answer = Math.min(3, left);
            answers.set(i, answer);
            left -= answer;
        }
        return answers;
    }

    private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.getStatusCode().value()).isEqualTo(422);
            assertThat(p.getBody().getType().toString()).endsWith("/" + type);
        });
    }
}
