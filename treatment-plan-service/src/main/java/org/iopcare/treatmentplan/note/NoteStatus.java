package org.iopcare.treatmentplan.note;

/** Where a note stands. */
public enum NoteStatus {
    /** Being written; every save is a new version. */
    DRAFT,
    /** Signed by an author whose role needs a supervisor's co-signature, which it awaits. */
    PENDING_COSIGNATURE,
    /** Signed (and co-signed where needed): immutable, corrected only by addenda. */
    SIGNED
}
