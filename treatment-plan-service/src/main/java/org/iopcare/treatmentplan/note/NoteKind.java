package org.iopcare.treatmentplan.note;

/** What a note documents: a session of one of scheduling's kinds, or the discharge. */
public enum NoteKind {
    GROUP,
    INDIVIDUAL_THERAPY,
    CLINICIAN_CHECK_IN,
    /** Assembled on discharge, completed by the primary clinician; no session. */
    DISCHARGE_SUMMARY
}
