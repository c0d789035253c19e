package org.iopcare.events;

/** A treatment plan's status after the change. */
public enum PlanStatus {
    DRAFT,
    ACTIVE,
    REVIEW_REQUIRED,
    CLOSED
}
