package org.iopcare.notification.message;

import java.util.List;

/**
 * What a message is for; each kind has its own template per channel it can travel on
 * ({@code templates/<kind>/<channel>.mustache}).
 */
public enum MessageKind {
    INQUIRY_ACKNOWLEDGEMENT(Audience.CLIENT, Channel.SMS, Channel.EMAIL),
    INTAKE_TEAM_ALERT(Audience.STAFF, Channel.EMAIL),
    /** The one confirmation of a STOP; sent although the number just opted out (carrier rules). */
    OPT_OUT_CONFIRMATION(Audience.CLIENT, Channel.SMS),
    /** The confirmation of a START. */
    OPT_IN_CONFIRMATION(Audience.CLIENT, Channel.SMS),
    /** The answer to HELP: the clinic's name and phone. */
    HELP_REPLY(Audience.CLIENT, Channel.SMS),
    /** After enrollment: the first session's local date and time. */
    WELCOME(Audience.CLIENT, Channel.SMS, Channel.EMAIL),
    /** Before a session, per configured offset, inside the client's send window. */
    SESSION_REMINDER(Audience.CLIENT, Channel.SMS, Channel.EMAIL),
    /** Same day as a missed session: kind, no blame, how to reach the clinic. */
    MISSED_SESSION_OUTREACH(Audience.CLIENT, Channel.SMS, Channel.EMAIL),
    /** To the care team when a session was missed: ids and counts only. */
    CARE_TEAM_MISSED_ALERT(Audience.STAFF, Channel.EMAIL),
    /** To the client when their plan became active or a new version took effect; names no treatment. */
    PLAN_REVIEW_NOTICE(Audience.CLIENT, Channel.SMS, Channel.EMAIL),
    /** To the care team when something needs action now; no clinical content. */
    URGENT_FLAG_ALERT(Audience.STAFF, Channel.EMAIL),
    /**
     * To each clinical supervisor when a staff member opened a client's record outside their
     * caseload (break-glass): who, the client id and the grant's expiry; no reason, no client data.
     */
    EMERGENCY_ACCESS_ALERT(Audience.STAFF, Channel.EMAIL);

    private final Audience audience;
    private final List<Channel> channels;

    MessageKind(Audience audience, Channel... channels) {
        this.audience = audience;
        this.channels = List.of(channels);
    }

    public Audience audience() {
        return audience;
    }

    /** The channels this kind has a template for. */
    public List<Channel> channels() {
        return channels;
    }

    /** Answers to a text the client just sent: due whatever the opt-out state (STOP, START, HELP). */
    public boolean isKeywordReply() {
        return this == OPT_OUT_CONFIRMATION || this == OPT_IN_CONFIRMATION || this == HELP_REPLY;
    }
}
