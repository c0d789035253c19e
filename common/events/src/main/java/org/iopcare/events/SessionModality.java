package org.iopcare.events;

/** Where a session takes place. */
public enum SessionModality {
    IN_PERSON,
    VIRTUAL
}
