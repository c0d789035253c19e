package org.iopcare.scheduling.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.iopcare.scheduling.track.ProgramTrack;

/** The pure part of scheduling: which meetings, which weeks, which free slot. No I/O, no clock. */
final class SessionPlanner {

    /** Candidate start times inside an availability window are this far apart. */
    static final Duration SLOT_STEP = Duration.ofMinutes(15);

    private SessionPlanner() {}

    /** The track's meetings from {@code from} to {@code through} (both inclusive), closed days left out. */
    static List<ProgramTrack.Meeting> meetings(
            ProgramTrack track, LocalDate from, LocalDate through, Predicate<LocalDate> closed) {
        List<ProgramTrack.Meeting> meetings = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(through); day = day.plusDays(1)) {
            if (!closed.test(day)) {
                track.meetingOn(day).ifPresent(meetings::add);
            }
        }
        return meetings;
    }

    /** Monday of the week a date falls in. */
    static LocalDate weekOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Mondays of the weeks that have at least one day in [from, through]. */
    static List<LocalDate> weeks(LocalDate from, LocalDate through) {
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate monday = weekOf(from); !monday.isAfter(through); monday = monday.plusWeeks(1)) {
            weeks.add(monday);
        }
        return weeks;
    }

    /** Check-ins fall every second week, counted from the week the client started in. */
    static boolean isCheckInWeek(LocalDate startDate, LocalDate monday) {
        return ChronoUnit.WEEKS.between(weekOf(startDate), monday) % 2 == 0;
    }

    /**
     * The first slot of the given length inside the clinician's availability in the week of
     * {@code monday}, on or after {@code earliest}, overlapping nothing in {@code busy} (the
     * clinician's and the client's sessions) and on no closed day.
     */
    static Optional<Interval> firstFreeSlot(
            Collection<AvailabilityWindow> availability,
            LocalDate monday,
            Instant earliest,
            Duration length,
            Collection<Interval> busy,
            Predicate<LocalDate> closed) {
        List<AvailabilityWindow> windows = availability.stream()
                .sorted(Comparator.comparing(AvailabilityWindow::day).thenComparing(AvailabilityWindow::localStart))
                .toList();
        for (AvailabilityWindow window : windows) {
            LocalDate day = monday.with(TemporalAdjusters.nextOrSame(window.day()));
            if (closed.test(day)) {
                continue;
            }
            for (LocalTime start = window.localStart();
                    !start.plus(length).isAfter(window.localEnd())
                            && !start.plus(length).isBefore(start);
                    start = start.plus(SLOT_STEP)) {
                ZonedDateTime zonedStart = ZonedDateTime.of(day, start, window.zone());
                if (!zonedStart.toLocalTime().equals(start)) {
                    continue; // a local time skipped by a spring-forward change is no slot
                }
                Interval slot = new Interval(
                        zonedStart.toInstant(), zonedStart.plus(length).toInstant());
                if (slot.start().isBefore(earliest)) {
                    continue;
                }
                if (busy.stream().noneMatch(slot::overlaps)) {
                    return Optional.of(slot);
                }
            }
        }
        return Optional.empty();
    }
}
