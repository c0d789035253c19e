package org.iopcare.events;

/** How a client opted out of or back in to a channel. */
public enum ConsentChangeSource {
    /** A reply to an SMS: STOP (and its synonyms) or START. */
    SMS_REPLY,
    /** The one-click unsubscribe link of an email (RFC 8058). */
    EMAIL_UNSUBSCRIBE
}
