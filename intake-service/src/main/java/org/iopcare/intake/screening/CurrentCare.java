package org.iopcare.intake.screening;

/** The level of care the person is in now, to see a step-down. */
public enum CurrentCare {
    NONE,
    OUTPATIENT,
    IOP,
    PHP,
    INPATIENT
}
