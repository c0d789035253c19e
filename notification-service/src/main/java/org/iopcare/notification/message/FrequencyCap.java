package org.iopcare.notification.message;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The frequency cap's rule, pure: the earliest time at or after {@code from} when one more message
 * keeps the client within {@code perDay} messages per local calendar day and {@code perWeek} in any 7
 * local days (a week from a local time to the same local time 7 days later, also across a DST
 * change), inside the send window. Candidates are {@code from}, each later day's window opening and
 * the moments an earlier message leaves its week. None before {@code deadline} (a reminder's
 * session): empty.
 */
public final class FrequencyCap {

    /** How far ahead a held message is moved at the most. */
    static final int MAX_DAYS = 60;

    private FrequencyCap() {}

    /** Why a message at {@code at} would break the cap, or null when it keeps it. */
    public static @Nullable String breaks(List<Instant> taken, Instant at, ZoneId zone, int perDay, int perWeek) {
        var day = at.atZone(zone).toLocalDate();
        long sameDay = taken.stream()
                .filter(t -> t.atZone(zone).toLocalDate().equals(day))
                .count();
        if (sameDay + 1 > perDay) {
            return "frequency cap: " + perDay + " a day";
        }
        // the fullest week holding `at` starts at one of the messages (or at `at` itself)
        List<Instant> starts = new ArrayList<>(taken);
        starts.add(at);
        for (Instant start : starts) {
            Instant end = start.atZone(zone).plusDays(7).toInstant();
            if (start.isAfter(at) || !at.isBefore(end)) {
                continue;
            }
            long inWeek = taken.stream()
                    .filter(t -> !t.isBefore(start) && t.isBefore(end))
                    .count();
            if (inWeek + 1 > perWeek) {
                return "frequency cap: " + perWeek + " in 7 days";
            }
        }
        return null;
    }

    /** The next allowed time, see the class; empty when there is none before the deadline (or at all). */
    public static Optional<Instant> slot(
            List<Instant> taken,
            Instant from,
            ZoneId zone,
            int perDay,
            int perWeek,
            LocalTime windowStart,
            LocalTime windowEnd,
            @Nullable Instant deadline) {
        List<Instant> candidates = new ArrayList<>();
        candidates.add(from);
        ZonedDateTime local = from.atZone(zone);
        for (int day = 1; day <= MAX_DAYS; day++) {
            candidates.add(local.toLocalDate()
                    .plusDays(day)
                    .atTime(windowStart)
                    .atZone(zone)
                    .toInstant());
        }
        for (Instant t : taken) {
            Instant leaves = t.atZone(zone).plusDays(7).toInstant();
            if (leaves.isAfter(from) && inWindow(leaves, zone, windowStart, windowEnd)) {
                candidates.add(leaves);
            }
        }
        return candidates.stream()
                .sorted()
                .filter(at -> deadline == null || at.isBefore(deadline))
                .filter(at -> breaks(taken, at, zone, perDay, perWeek) == null)
                .findFirst();
    }

    private static boolean inWindow(Instant at, ZoneId zone, LocalTime start, LocalTime end) {
        LocalTime time = at.atZone(zone).toLocalTime();
        return !time.isBefore(start) && !time.isAfter(end);
    }
}
