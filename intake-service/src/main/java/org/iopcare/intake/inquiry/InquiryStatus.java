package org.iopcare.intake.inquiry;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an inquiry stands in the intake pipeline, and where it may go next. ENROLLED, REFERRED_OUT
 * and CLOSED are final.
 */
public enum InquiryStatus {
    NEW,
    CONTACTED,
    SCREENING,
    ENROLLED,
    REFERRED_OUT,
    CLOSED;

    /** The statuses this one may move to. */
    public Set<InquiryStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(CONTACTED, REFERRED_OUT, CLOSED);
            case CONTACTED -> EnumSet.of(SCREENING, REFERRED_OUT, CLOSED);
            case SCREENING -> EnumSet.of(ENROLLED, REFERRED_OUT, CLOSED);
            case ENROLLED, REFERRED_OUT, CLOSED -> EnumSet.noneOf(InquiryStatus.class);
        };
    }

    public boolean canMoveTo(InquiryStatus target) {
        return next().contains(target);
    }
}
