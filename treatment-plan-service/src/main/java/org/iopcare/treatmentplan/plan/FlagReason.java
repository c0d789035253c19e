package org.iopcare.treatmentplan.plan;

/** Why a plan was flagged for review; published as reason codes on {@code plan-updated}. */
public enum FlagReason {
    MISSED_SESSIONS,
    ATTENDANCE_BELOW_MINIMUM,
    SCORE_WORSENED,
    URGENT_SAFETY,
    /** Not a flag: the reason code of a scheduled review falling due. */
    SCHEDULED_REVIEW
}
