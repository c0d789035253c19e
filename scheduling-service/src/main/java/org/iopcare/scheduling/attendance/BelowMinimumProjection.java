package org.iopcare.scheduling.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.AttendanceBelowMinimum;
import org.iopcare.scheduling.config.SchedulingProperties;
import org.iopcare.scheduling.work.SchedulingWorkItems;
import org.iopcare.support.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Flags a client-week once attended plus still-scheduled minutes can no longer reach the weekly
 * minimum, while the week still runs (so a make-up session can still be booked). Evaluated when
 * attendance is recorded or the sweep marks a miss, in that transaction; published once per
 * client and week. A flagged week in which a make-up still fits (its missing minutes before the
 * week ends) is also a work item for the primary clinician, closed here once the week reaches the
 * minimum.
 */
@Component
class BelowMinimumProjection {

    private final AttendanceStore store;
    private final SchedulingProperties settings;
    private final Outbox outbox;
    private final SchedulingWorkItems work;

    BelowMinimumProjection(
            AttendanceStore store, SchedulingProperties settings, Outbox outbox, SchedulingWorkItems work) {
        this.store = store;
        this.settings = settings;
        this.outbox = outbox;
        this.work = work;
    }

    /** Whether the week is short: the pure rule, for tests. */
    static boolean isShort(int attended, int stillScheduled, int required, Instant now, Instant weekEnds) {
        return now.isBefore(weekEnds) && attended + stillScheduled < required;
    }

    /** Whether a make-up of the missing minutes still fits before the week ends: the pure rule, for tests. */
    static boolean makeUpFits(int attended, int stillScheduled, int required, Instant now, Instant weekEnds) {
        int missing = Math.max(0, required - attended - stillScheduled);
        return !now.plus(java.time.Duration.ofMinutes(missing)).isAfter(weekEnds);
    }

    void evaluate(UUID clientId, Instant sessionStart, ZoneId zone, Instant now) {
        LocalDate monday = sessionStart
                .atZone(zone)
                .toLocalDate()
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        Instant weekEnds = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
        int required = settings.minimumMinutes(
                store.ageGroup(clientId).map(AgeGroup::valueOf).orElse(AgeGroup.ADULT));
        var week = store.weeks(clientId, monday, monday.plusDays(6), now).stream()
                .filter(w -> w.weekStart().equals(monday))
                .findFirst();
        if (week.isEmpty()) {
            return;
        }
        int attended = week.get().attendedMinutes();
        int still = week.get().stillScheduledMinutes();
        if (attended >= required) {
            work.minimumReached(clientId, monday);
        }
        if (isShort(attended, still, required, now, weekEnds) && store.noteBelowMinimum(clientId, monday)) {
            outbox.append(
                    new AttendanceBelowMinimum(UUID.randomUUID(), now, clientId, monday, attended, required, still));
            if (makeUpFits(attended, still, required, now, weekEnds)) {
                work.belowMinimum(clientId, monday, zone);
            }
        }
    }
}
