package org.iopcare.intake.client;

/** How a consent (or its withdrawal) was obtained. */
public enum ConsentSource {
    WRITTEN_FORM,
    ELECTRONIC_FORM,
    VERBAL_RECORDED,
    CLIENT_PORTAL,
    /** The client replied STOP (or similar) to a message, or START to opt back in. */
    MESSAGE_REPLY,
    /** The client used the unsubscribe link of an email. */
    EMAIL_UNSUBSCRIBE
}
