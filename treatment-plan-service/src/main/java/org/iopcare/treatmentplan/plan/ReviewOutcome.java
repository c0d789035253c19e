package org.iopcare.treatmentplan.plan;

/** What a plan review decided. */
public enum ReviewOutcome {
    /** The plan stays as it is. */
    KEEP,
    /** The plan needs a new version. */
    REVISE,
    /** The client needs a more intensive level of care (PHP, inpatient). */
    STEP_UP,
    /** The client is ready for a less intensive level of care (outpatient). */
    STEP_DOWN,
    /** Discharge is being prepared. */
    DISCHARGE_PLANNING
}
