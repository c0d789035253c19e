package org.iopcare.intake.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The PHQ-9 and GAD-7 as recorded: the item answers (comma-separated, in questionnaire order), the
 * totals and their bands.
 */
@Embeddable
record InstrumentScores(
        @Column(name = "phq9_answers", nullable = false) String phq9Items,
        @Column(name = "phq9_score") short phq9Score,

        @Enumerated(EnumType.STRING) @Column(name = "phq9_band", nullable = false)
        Phq9Band phq9Band,

        @Column(name = "gad7_answers", nullable = false) String gad7Items,
        @Column(name = "gad7_score") short gad7Score,

        @Enumerated(EnumType.STRING) @Column(name = "gad7_band", nullable = false)
        Gad7Band gad7Band) {

    static InstrumentScores of(ScreeningRequest request, ScreeningFacts facts) {
        return new InstrumentScores(
                join(request.phq9()),
                (short) facts.phq9Score(),
                Phq9Band.of(facts.phq9Score()),
                join(request.gad7()),
                (short) facts.gad7Score(),
                Gad7Band.of(facts.gad7Score()));
    }

    List<Integer> phq9Answers() {
        return split(phq9Items);
    }

    List<Integer> gad7Answers() {
        return split(gad7Items);
    }

    private static String join(List<Integer> answers) {
        return answers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> split(String answers) {
        return Arrays.stream(answers.split(",")).map(Integer::valueOf).toList();
    }
}
