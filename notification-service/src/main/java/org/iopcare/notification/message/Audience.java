package org.iopcare.notification.message;

/** Who a message is for: the client, or the clinic's staff about the client. */
public enum Audience {
    CLIENT,
    STAFF
}
