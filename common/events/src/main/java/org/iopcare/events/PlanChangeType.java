package org.iopcare.events;

/** What happened to a treatment plan. */
public enum PlanChangeType {
    /** A clinician saved a new immutable version. */
    VERSION_CREATED,
    /** The plan became active with the client's acknowledgement. */
    ACTIVATED,
    /** Something that happened (missed sessions, attendance, a worse score) requires a review. */
    FLAGGED,
    /** The scheduled review date has come. */
    REVIEW_DUE,
    /** The plan was closed, e.g. on discharge. */
    CLOSED
}
