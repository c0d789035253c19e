package org.iopcare.notification.message;

/** What a message is for; each kind has its own wording per channel. */
public enum MessageKind {
    INQUIRY_ACKNOWLEDGEMENT,
    INTAKE_TEAM_ALERT,
    /** The one confirmation of a STOP; sent although the number just opted out (carrier rules). */
    OPT_OUT_CONFIRMATION,
    /** The confirmation of a START. */
    OPT_IN_CONFIRMATION,
    /** The answer to HELP: the clinic's name and phone. */
    HELP_REPLY;

    /** Answers to a text the client just sent: due whatever the opt-out state (STOP, START, HELP). */
    public boolean isKeywordReply() {
        return this == OPT_OUT_CONFIRMATION || this == OPT_IN_CONFIRMATION || this == HELP_REPLY;
    }
}
