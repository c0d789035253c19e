package org.iopcare.notification.preference;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.iopcare.notification.recipient.PreferenceStore.Change;
import org.iopcare.notification.recipient.ReminderChannels;
import org.jspecify.annotations.Nullable;

/**
 * A client's preferences: what was chosen (null: the default), what applies, who changed them last
 * and the recent changes, newest first.
 */
record PreferenceView(
        UUID clientId,
        long version,
        @Nullable ReminderChannels channels,
        ReminderChannels effectiveChannels,
        @Nullable List<Duration> reminderOffsets,
        List<Duration> effectiveReminderOffsets,
        List<Duration> allowedReminderOffsets,
        boolean weeklyDigest,
        @Nullable LocalTime quietHoursStart,
        @Nullable LocalTime quietHoursEnd,
        String language,
        @Nullable String changedBy,
        @Nullable Instant changedAt,
        List<Change> history) {}
