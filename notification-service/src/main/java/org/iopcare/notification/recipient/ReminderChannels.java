package org.iopcare.notification.recipient;

/** The channels a client chose for their messages. */
public enum ReminderChannels {
    SMS(true, false),
    EMAIL(false, true),
    /** Every channel the client can be reached on. */
    BOTH(true, true);

    private final boolean sms;
    private final boolean email;

    ReminderChannels(boolean sms, boolean email) {
        this.sms = sms;
        this.email = email;
    }

    public boolean sms() {
        return sms;
    }

    public boolean email() {
        return email;
    }
}
