package org.iopcare.support.work;

/** OPEN → ACKNOWLEDGED → DONE | CANCELLED; DONE and CANCELLED are final. */
public enum WorkItemState {
    OPEN,
    ACKNOWLEDGED,
    DONE,
    CANCELLED;

    /** Whether someone still has to act on the item. */
    public boolean active() {
        return this == OPEN || this == ACKNOWLEDGED;
    }
}
