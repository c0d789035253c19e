package org.iopcare.notification.preference;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.iopcare.notification.recipient.ReminderChannels;
import org.jspecify.annotations.Nullable;

/**
 * A client's preferences as a whole (absent fields take their defaults).
 *
 * @param version the version this change is based on (0: the defaults); a stale one is a 409
 * @param channels SMS, EMAIL or BOTH; absent: the client's preferred channel only
 * @param reminderOffsets ISO-8601 durations from the clinic's allowed set; absent: the clinic's
 * @param weeklyDigest one weekly summary instead of per-session reminders
 * @param quietHoursStart with {@code quietHoursEnd}: no message in between, inside the send window
 * @param quietHoursEnd end of the quiet hours (excluded)
 * @param language {@code en} (default) or {@code es}
 */
record PreferenceRequest(
        @NotNull @PositiveOrZero Long version,
        @Nullable ReminderChannels channels,
        @Size(min = 1, max = 10) @Nullable List<@NotNull Duration> reminderOffsets,
        @Nullable Boolean weeklyDigest,
        @Nullable LocalTime quietHoursStart,
        @Nullable LocalTime quietHoursEnd,
        @Size(max = 8) @Nullable String language) {}
