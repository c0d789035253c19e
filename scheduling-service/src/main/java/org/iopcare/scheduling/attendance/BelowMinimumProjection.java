package org.iopcare.scheduling.attendance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.AttendanceBelowMinimum;
import org.iopcare.scheduling.config.SchedulingProperties;
import org.iopcare.scheduling.work.SchedulingWorkItems;
import org.iopcare.support.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Flags a client-week once attended plus still-scheduled minutes can no longer reach what the week
 * requires (the weekly minimum, prorated for a program that starts mid-week and for closed days;
 * nothing for a waitlisted or discharged client), while the week still runs (so a make-up session can still be booked). Evaluated when
 * attendance is recorded or corrected, the sweep marks a miss, or a session is cancelled or moved,
 * in that transaction; published once per client and week. A flagged week in which a make-up still fits (its missing minutes before the
 * week ends) is also a work item for the primary clinician, closed here once the week reaches the
 * minimum.
 */
@Component
public class BelowMinimumProjection {

    private final AttendanceViews views;
    private final AttendanceStore store;
    private final SchedulingProperties settings;
    private final Outbox outbox;
    private final SchedulingWorkItems work;

    BelowMinimumProjection(
            AttendanceViews views,
            AttendanceStore store,
            SchedulingProperties settings,
            Outbox outbox,
            SchedulingWorkItems work) {
        this.views = views;
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

    /**
     * The minutes a client owes in a week: the weekly minimum, in proportion to the track's meeting
     * days of that week on which the client could attend, those from their first day on that are
     * not closed. A full week of an enrolled client owes the whole minimum; a week that starts
     * their program on Wednesday of a Monday-Wednesday-Friday track two thirds; a closed Monday the
     * same; a week with no meeting day left, nothing. The pure rule, for tests.
     */
    static int requiredMinutes(
            int weeklyMinimum,
            Set<DayOfWeek> meetingDays,
            LocalDate monday,
            LocalDate firstDay,
            Set<LocalDate> closed) {
        if (meetingDays.isEmpty()) {
            return firstDay.isAfter(monday.plusDays(6)) ? 0 : weeklyMinimum;
        }
        long open = monday.datesUntil(monday.plusWeeks(1))
                .filter(day -> meetingDays.contains(day.getDayOfWeek()))
                .filter(day -> !day.isBefore(firstDay) && !closed.contains(day))
                .count();
        return (int) (weeklyMinimum * open / meetingDays.size());
    }

    /** Evaluates the client's week that holds {@code sessionStart} (Monday to Sunday in {@code zone}). */
    public void evaluate(UUID clientId, Instant sessionStart, ZoneId zone, Instant now) {
        LocalDate monday = sessionStart
                .atZone(zone)
                .toLocalDate()
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant weekEnds = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
        // A week that has not begun is not judged: beyond the horizon its sessions are not even planned yet.
        if (now.isBefore(monday.atStartOfDay(zone).toInstant())) {
            return;
        }
        // Only a client holding a seat owes the minimum: a waitlisted week or one after the
        // discharge is not short.
        var placement = views.placement(clientId).filter(p -> p.status().equals("ACTIVE"));
        if (placement.isEmpty()) {
            return;
        }
        int required = requiredMinutes(
                settings.minimumMinutes(AgeGroup.valueOf(placement.get().ageGroup())),
                placement.get().meetingDays(),
                monday,
                placement.get().startDate(),
                views.closedDays(placement.get().trackCode(), monday, monday.plusDays(6)));
        if (required == 0) {
            return;
        }
        var week = views.weeks(clientId, monday, monday.plusDays(6), now).stream()
                .filter(w -> w.weekStart().equals(monday))
                .findFirst();
        // no session left in the week (its last one was cancelled or moved): nothing attended, nothing to come
        int attended = week.map(AttendanceViews.Week::attendedMinutes).orElse(0);
        int still = week.map(AttendanceViews.Week::stillScheduledMinutes).orElse(0);
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
