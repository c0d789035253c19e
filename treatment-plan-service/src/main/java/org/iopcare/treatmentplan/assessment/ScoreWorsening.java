package org.iopcare.treatmentplan.assessment;

import org.jspecify.annotations.Nullable;

/**
 * A PHQ-9 that worsened: up by at least {@code threshold} from the plan's baseline (its first
 * PHQ-9), or moved into the severe band (from another band, or severe on the first administration).
 */
record ScoreWorsening(int threshold) {

    boolean worsened(@Nullable Integer baselineTotal, @Nullable Band previousBand, int total, Band band) {
        boolean upFromBaseline = baselineTotal != null && total - baselineTotal >= threshold;
        boolean intoSevere = band == Band.SEVERE && previousBand != Band.SEVERE;
        return upFromBaseline || intoSevere;
    }
}
