package org.iopcare.treatmentplan.reaction;

import org.iopcare.treatmentplan.plan.ReactionProperties;

/** Repeated missed sessions: n in a row, or m within a window (defaults 2 and 3 in 14 days). */
record MissedSessionRule(int inARow, int withinWindow) {

    static MissedSessionRule of(ReactionProperties properties) {
        return new MissedSessionRule(properties.missedInARow(), properties.missedWithinWindow());
    }

    boolean flags(int consecutiveMisses, int missesInWindow) {
        return consecutiveMisses >= inARow || missesInWindow >= withinWindow;
    }
}
