package org.iopcare.intake.screening;

/** GAD-7 severity bands of the total score (0–21). */
public enum Gad7Band {
    MINIMAL,
    MILD,
    MODERATE,
    SEVERE;

    static Gad7Band of(int score) {
        if (score < 0 || score > 21) {
            throw new IllegalArgumentException("GAD-7 total out of range");
        }
        if (score <= 4) {
            return MINIMAL;
        }
        if (score <= 9) {
            return MILD;
        }
        return score <= 14 ? MODERATE : SEVERE;
    }
}
