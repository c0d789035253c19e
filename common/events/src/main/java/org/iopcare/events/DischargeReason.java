package org.iopcare.events;

/** Why a client left the program. A code only: the clinical narrative stays in intake. */
public enum DischargeReason {
    COMPLETED,
    LEFT_PROGRAM,
    /** Moved to a more intensive level of care (PHP, inpatient). */
    STEPPED_UP,
    /** Moved to a less intensive level of care (outpatient). */
    STEPPED_DOWN,
    TRANSFERRED,
    ADMINISTRATIVE
}
