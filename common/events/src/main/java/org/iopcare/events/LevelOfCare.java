package org.iopcare.events;

/** The level of care a screening recommends or a clinician decides, from most to least intensive. */
public enum LevelOfCare {
    /** Imminent risk: immediate escalation. Blocks enrollment in IOP. */
    CRISIS,
    /** Medically managed withdrawal or 24-hour supervision. Blocks enrollment in IOP. */
    INPATIENT,
    /** Partial hospitalization. */
    PHP,
    /** Intensive outpatient: this program. */
    IOP,
    /** Weekly therapy is enough. */
    OUTPATIENT
}
