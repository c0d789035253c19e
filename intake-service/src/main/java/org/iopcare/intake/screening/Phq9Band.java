package org.iopcare.intake.screening;

/** PHQ-9 severity bands of the total score (0–27). */
public enum Phq9Band {
    MINIMAL,
    MILD,
    MODERATE,
    MODERATELY_SEVERE,
    SEVERE;

    static Phq9Band of(int score) {
        if (score < 0 || score > 27) {
            throw new IllegalArgumentException("PHQ-9 total out of range");
        }
        if (score <= 4) {
            return MINIMAL;
        }
        if (score <= 9) {
            return MILD;
        }
        if (score <= 14) {
            return MODERATE;
        }
        return score <= 19 ? MODERATELY_SEVERE : SEVERE;
    }
}
