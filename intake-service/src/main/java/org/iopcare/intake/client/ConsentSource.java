package org.iopcare.intake.client;

/** How a consent (or its withdrawal) was obtained. */
public enum ConsentSource {
    WRITTEN_FORM,
    ELECTRONIC_FORM,
    VERBAL_RECORDED,
    CLIENT_PORTAL,
    /** The client replied STOP (or similar) to a message. */
    MESSAGE_REPLY
}
