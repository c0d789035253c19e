package org.iopcare.notification.message;

/** What a message is for; each kind has its own wording per channel. */
public enum MessageKind {
    INQUIRY_ACKNOWLEDGEMENT,
    INTAKE_TEAM_ALERT
}
