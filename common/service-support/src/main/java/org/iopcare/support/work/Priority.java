package org.iopcare.support.work;

/** How soon a work item needs someone; lists put URGENT first. Only URGENT items escalate. */
public enum Priority {
    URGENT,
    HIGH,
    NORMAL
}
