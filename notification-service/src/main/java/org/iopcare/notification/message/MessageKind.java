package org.iopcare.notification.message;

import java.util.List;
import java.util.Set;

/**
 * What a message is for; each kind has its own template per channel it can travel on
 * ({@code templates/<kind>/<channel>.mustache}).
 */
public enum MessageKind {
    INQUIRY_ACKNOWLEDGEMENT(Audience.CLIENT, Channel.SMS, Channel.EMAIL),
    /**
     * The former per-inquiry email to the intake team; no longer queued (replaced by
     * {@link #INTAKE_SUMMARY}), kept so messages already stored still read.
     */
    INTAKE_TEAM_ALERT(Audience.STAFF, Channel.EMAIL),
    /** To the intake team, at most once per period: how many inquiries arrived since when; counts only. */
    INTAKE_SUMMARY(Audience.STAFF, Channel.EMAIL),
    /** The one confirmation of a STOP; sent although the number just opted out (carrier rules). */
    OPT_OUT_CONFIRMATION(Audience.CLIENT, Channel.SMS),
    /** The confirmation of a START. */
    OPT_IN_CONFIRMATION(Audience.CLIENT, Channel.SMS),
    /** The answer to HELP: the clinic's name and phone. */
    HELP_REPLY(Audience.CLIENT, Channel.SMS),
    /**
     * The automatic answer to a reply with crisis language: 988 and the clinic's number; sent at
     * once, whatever the send window, and not counted against the reminder cap.
     */
    CRISIS_REPLY(Audience.CLIENT, Channel.SMS),
    /** After enrollment: the first session's local date and time. */
    WELCOME(Audience.CLIENT, Channel.SMS, Channel.EMAIL),
    /** Before a session, per configured offset, inside the client's send window. */
    SESSION_REMINDER(Audience.CLIENT, Channel.SMS, Channel.EMAIL),
    /**
     * Once a week, for a client who chose it: the local dates and times of the coming 7 days'
     * sessions and the clinic's number; never sent for an empty week. Replaces the reminders of the
     * sessions it listed.
     */
    WEEKLY_DIGEST(Audience.CLIENT, Channel.SMS, Channel.EMAIL),
    /** A session staff moved: its new local date and time, once (never a cancellation and a booking). */
    SESSION_MOVED(Audience.CLIENT, Channel.SMS, Channel.EMAIL),
    /**
     * Sessions a closure or staff cancelled: their local dates and times, one notice per client and
     * local day of telling (later cancellations of that day are merged into it while it waits).
     */
    SESSION_CANCELLED(Audience.CLIENT, Channel.SMS, Channel.EMAIL),
    /**
     * Sessions a transfer booked: the first one's local date and time (and, by email, every one),
     * one notice per client and local day of telling; names no program. The transfer's cancellations
     * are not told apart.
     */
    SCHEDULE_CHANGED(Audience.CLIENT, Channel.SMS, Channel.EMAIL),
    /**
     * Sessions a transfer cancelled when it booked none in their place (the new track is full and
     * the client waits for a seat): the first one's local date and time (and, by email, every one),
     * that the others stay and that the clinic will call; one notice per client and local day of
     * telling; names no program. Withdrawn while it waits if the transfer's new sessions arrive
     * after all (they are told by {@link #SCHEDULE_CHANGED}).
     */
    SCHEDULE_ON_HOLD(Audience.CLIENT, Channel.SMS, Channel.EMAIL),
    /** A make-up session booked for the client: its local date and time, once. */
    MAKE_UP_BOOKED(Audience.CLIENT, Channel.SMS, Channel.EMAIL),
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
    EMERGENCY_ACCESS_ALERT(Audience.STAFF, Channel.EMAIL),
    /**
     * To each staff member a {@code staff-alerted} event names (a person, or every holder of a role):
     * the fixed {@code StaffAlerted.TEXT}, no client, no condition; not held for the client send window.
     */
    STAFF_ALERT(Audience.STAFF, Channel.EMAIL, Channel.SMS);

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

    /**
     * Deny-listed words this kind's template may still contain: the crisis answer must name the
     * 988 Suicide &amp; Crisis Lifeline by its name, and goes only to a number that just wrote such words;
     * the staff alert names the product, IOP Care, and goes only to staff.
     */
    public Set<String> lintAllows() {
        if (this == STAFF_ALERT) {
            // the product's name in the fixed staff text; only ever sent to a staff address
            return Set.of("iop");
        }
        return this == CRISIS_REPLY ? Set.of("suicide") : Set.of();
    }

    /**
     * Whether the first SMS to a number of this kind ends with {@link Messages#OPT_OUT_HINT}: every
     * client message except the answers to a text the client just sent (STOP, START, HELP, a
     * crisis answer), which reply to their own message.
     */
    public boolean carriesOptOutHint() {
        return audience == Audience.CLIENT && !isKeywordReply() && this != CRISIS_REPLY;
    }

    /**
     * Whether the frequency cap counts and holds this kind: every non-urgent client message
     * (reminders, notices, outreach), not the answers to the client's own texts (STOP, START, HELP,
     * the crisis answer) nor the acknowledgement of their inquiry.
     */
    public boolean capped() {
        return audience == Audience.CLIENT
                && !isKeywordReply()
                && this != CRISIS_REPLY
                && this != INQUIRY_ACKNOWLEDGEMENT;
    }

    /** Answers to a text the client just sent: due whatever the opt-out state (STOP, START, HELP). */
    public boolean isKeywordReply() {
        return this == OPT_OUT_CONFIRMATION || this == OPT_IN_CONFIRMATION || this == HELP_REPLY;
    }
}
