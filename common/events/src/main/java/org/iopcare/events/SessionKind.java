package org.iopcare.events;

/** What a client session is; never shown to the client as such. */
public enum SessionKind {
    /** A track meeting: group therapy, psychoeducation, support or expressive groups. */
    GROUP,
    INDIVIDUAL_THERAPY,
    CLINICIAN_CHECK_IN
}
