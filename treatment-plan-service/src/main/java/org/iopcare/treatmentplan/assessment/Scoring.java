package org.iopcare.treatmentplan.assessment;

import java.util.List;
import org.iopcare.support.web.ProblemException;
import org.iopcare.treatmentplan.plan.Instrument;

/**
 * Scores and bands PHQ-9 and GAD-7 answers. PHQ-9: minimal 0–4, mild 5–9, moderate 10–14,
 * moderately severe 15–19, severe 20–27. GAD-7: minimal 0–4, mild 5–9, moderate 10–14, severe 15–21.
 */
final class Scoring {

    private Scoring() {}

    /** A scored administration. */
    record Score(int total, Band band) {}

    static Score score(Instrument instrument, List<Integer> answers) {
        if (answers.size() != instrument.items()) {
            throw ProblemException.unprocessable(
                    "wrong-item-count", instrument + " takes exactly " + instrument.items() + " answers");
        }
        int total = 0;
        for (Integer answer : answers) {
            if (answer == null || answer < 0 || answer > 3) {
                throw ProblemException.unprocessable("answer-out-of-range", "every answer must be 0, 1, 2 or 3");
            }
            total += answer;
        }
        return new Score(total, band(instrument, total));
    }

    static Band band(Instrument instrument, int total) {
        if (total <= 4) {
            return Band.MINIMAL;
        }
        if (total <= 9) {
            return Band.MILD;
        }
        if (total <= 14) {
            return Band.MODERATE;
        }
        return switch (instrument) {
            case PHQ9 -> total <= 19 ? Band.MODERATELY_SEVERE : Band.SEVERE;
            case GAD7 -> Band.SEVERE;
        };
    }

    /** PHQ-9 item 9 (thoughts of self-harm) answered above 0: the care team must act now. */
    static boolean selfHarmPositive(Instrument instrument, List<Integer> answers) {
        return instrument == Instrument.PHQ9 && answers.get(8) > 0;
    }
}
