package org.iopcare.notification.preference;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.iopcare.notification.recipient.PreferenceStore.Change;
import org.iopcare.notification.recipient.ReminderChannels;

/**
 * A client's preferences: what was chosen (null: the default), what applies, who changed them last
 * and the recent changes, newest first.
 */
record PreferenceView(
        UUID clientId,
        long version,
        ReminderChannels channels,
        ReminderChannels effectiveChannels,
        List<Duration> reminderOffsets,
        List<Duration> effectiveReminderOffsets,
        List<Duration> allowedReminderOffsets,
        boolean weeklyDigest,
        LocalTime quietHoursStart,
        LocalTime quietHoursEnd,
        String language,
        String changedBy,
        Instant changedAt,
        List<Change> history) {}
