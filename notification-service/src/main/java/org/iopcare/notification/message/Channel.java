package org.iopcare.notification.message;

/** How a message travels. */
public enum Channel {
    SMS,
    EMAIL
}
