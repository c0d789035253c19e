package org.iopcare.treatmentplan.plan;

/** The standard measures the service scores. */
public enum Instrument {
    PHQ9(9, 27),
    GAD7(7, 21);

    private final int items;
    private final int maxScore;

    Instrument(int items, int maxScore) {
        this.items = items;
        this.maxScore = maxScore;
    }

    /** How many items the instrument has, each answered 0–3. */
    public int items() {
        return items;
    }

    public int maxScore() {
        return maxScore;
    }
}
