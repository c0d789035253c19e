package org.iopcare.notification.recipient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A client's choices about the messages they get. A null choice is the default: the client's
 * preferred channel, the clinic's reminder offsets, no quiet hours.
 *
 * @param clientId the client
 * @param channels SMS, EMAIL or BOTH; null: the preferred channel only
 * @param reminderOffsets how long before a session reminders go out; null: the clinic's offsets
 * @param weeklyDigest one weekly summary instead of per-session reminders
 * @param quietHours hours without messages, inside the clinic's send window; null: none
 * @param language the language of the client's messages ({@code en}, {@code es})
 * @param version 0 while the defaults were never changed
 * @param changedBy who made the last change (token subject); null for the defaults
 * @param changedAt when; null for the defaults
 */
public record ClientPreferences(
        UUID clientId,
        @Nullable ReminderChannels channels,
        @Nullable List<Duration> reminderOffsets,
        boolean weeklyDigest,
        @Nullable QuietHours quietHours,
        String language,
        long version,
        @Nullable String changedBy,
        @Nullable Instant changedAt) {

    public static final String DEFAULT_LANGUAGE = "en";

    public static ClientPreferences defaults(UUID clientId) {
        return new ClientPreferences(clientId, null, null, false, null, DEFAULT_LANGUAGE, 0, null, null);
    }

    /**
     * The channels messages go on: the chosen ones, else the preferred channel the client named
     * (the other one when the preferred one cannot be used), else every reachable channel.
     */
    public ReminderChannels effectiveChannels(Recipient recipient) {
        if (channels != null) {
            return channels;
        }
        String preferred = recipient.preferredChannel();
        if ("EMAIL".equals(preferred)) {
            return recipient.reachableByEmail() || !recipient.reachableBySms()
                    ? ReminderChannels.EMAIL
                    : ReminderChannels.SMS;
        }
        if ("SMS".equals(preferred) || "PHONE".equals(preferred)) {
            return recipient.reachableBySms() || !recipient.reachableByEmail()
                    ? ReminderChannels.SMS
                    : ReminderChannels.EMAIL;
        }
        return ReminderChannels.BOTH;
    }

    /** The client's reminder offsets, or the clinic's. */
    public List<Duration> offsetsOr(List<Duration> clinic) {
        return reminderOffsets == null ? clinic : reminderOffsets;
    }
}
