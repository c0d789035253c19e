package org.iopcare.treatmentplan.plan;

/** Where a treatment plan stands. */
public enum PlanStatus {
    /** Opened on enrollment; clinicians are writing it. */
    DRAFT,
    /** Acknowledged by the client and in force. */
    ACTIVE,
    /** In force, but flagged (missed sessions, a worsening score, low attendance) for review. */
    REVIEW_REQUIRED,
    /** The client was discharged. */
    CLOSED
}
