package org.iopcare.notification.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a reminder goes out: {@code offset} before the session, at once when that moment has passed
 * already, moved into the client's send window (to the nearest allowed time before the session,
 * not dropped), never at or after the session's start.
 */
public record ReminderPlanner(SendWindow window) {

    /** Empty when the session has started or no allowed time is left before it. */
    public Optional<Instant> sendAt(Instant now, Instant sessionStart, Duration offset, ZoneId zone) {
        if (!now.isBefore(sessionStart)) {
            return Optional.empty();
        }
        Instant due = due(sessionStart, offset, zone);
        if (due.isBefore(now)) {
            due = now;
        }
        return window.nearest(due, now, sessionStart, zone);
    }

    /**
     * Whole days count in local calendar days (the day before at the same local time, also across
     * a daylight-saving change); other offsets are exact durations.
     */
    static Instant due(Instant sessionStart, Duration offset, ZoneId zone) {
        long days = offset.toDays();
        if (days > 0 && offset.equals(Duration.ofDays(days))) {
            return sessionStart.atZone(zone).minusDays(days).toInstant();
        }
        return sessionStart.minus(offset);
    }
}
