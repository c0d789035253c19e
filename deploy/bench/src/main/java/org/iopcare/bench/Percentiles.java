package org.iopcare.bench;

/** Nearest-rank percentiles of a sorted sample. */
final class Percentiles {

    private Percentiles() {}

    static double of(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
