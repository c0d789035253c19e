package org.iopcare.events;

/** How a person prefers to be reached. */
public enum ContactChannel {
    SMS,
    EMAIL,
    PHONE
}
