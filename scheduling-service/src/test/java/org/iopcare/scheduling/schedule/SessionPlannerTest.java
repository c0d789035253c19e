package org.iopcare.scheduling.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.SessionModality;
import org.iopcare.scheduling.track.ComponentKind;
import org.iopcare.scheduling.track.ProgramTrack;
import org.junit.jupiter.api.Test;

class SessionPlannerTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    static ProgramTrack track(ZoneId zone, Set<DayOfWeek> days, String start, String end) {
        return new ProgramTrack(
                "T",
                "T",
                zone,
                days,
                LocalTime.parse(start),
                LocalTime.parse(end),
                12,
                AgeGroup.ADULT,
                SessionModality.IN_PERSON,
                List.of(new ProgramTrack.Component(ComponentKind.GROUP_THERAPY, 90)));
    }

    static final Set<DayOfWeek> MWF = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);

    static List<LocalDateTime> local(List<ProgramTrack.Meeting> meetings, ZoneId zone) {
        return meetings.stream()
                .map(m -> LocalDateTime.ofInstant(m.startsAt(), zone))
                .toList();
    }

    @Test
    void startsMidWeekAndKeepsNineOClockAcrossTheSpringForwardInNewYork() {
        // Start on Wednesday 2026-03-04; clocks go forward on Sunday 2026-03-08.
        List<ProgramTrack.Meeting> meetings = SessionPlanner.meetings(
                track(NEW_YORK, MWF, "09:00", "12:00"),
                LocalDate.of(2026, 3, 4),
                LocalDate.of(2026, 3, 13),
                d -> false);

        assertThat(meetings)
                .extracting(ProgramTrack.Meeting::date)
                .containsExactly(
                        LocalDate.of(2026, 3, 4),
                        LocalDate.of(2026, 3, 6),
                        LocalDate.of(2026, 3, 9),
                        LocalDate.of(2026, 3, 11),
                        LocalDate.of(2026, 3, 13));
        assertThat(local(meetings, NEW_YORK))
                .allSatisfy(t -> assertThat(t.toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
        assertThat(meetings.get(1).startsAt()).isEqualTo(Instant.parse("2026-03-06T14:00:00Z")); // EST
        assertThat(meetings.get(2).startsAt()).isEqualTo(Instant.parse("2026-03-09T13:00:00Z")); // EDT
        assertThat(Duration.between(meetings.get(2).startsAt(), meetings.get(2).endsAt()))
                .hasHours(3);
    }

    @Test
    void keepsSixPmAcrossTheFallBackInNewYork() {
        Set<DayOfWeek> tueWedThu = EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        // Clocks go back on Sunday 2026-11-01; start on Thursday 2026-10-29.
        List<ProgramTrack.Meeting> meetings = SessionPlanner.meetings(
                track(NEW_YORK, tueWedThu, "18:00", "21:00"),
                LocalDate.of(2026, 10, 29),
                LocalDate.of(2026, 11, 3),
                d -> false);

        assertThat(meetings)
                .extracting(ProgramTrack.Meeting::startsAt)
                .containsExactly(Instant.parse("2026-10-29T22:00:00Z"), Instant.parse("2026-11-03T23:00:00Z"));
    }

    @Test
    void keepsLocalTimesAcrossBothChangesInSydney() {
        ProgramTrack sydney = track(SYDNEY, MWF, "09:00", "12:00");
        // Southern hemisphere: clocks go back on Sunday 2026-04-05 (AEDT +11 -> AEST +10) ...
        List<ProgramTrack.Meeting> april =
                SessionPlanner.meetings(sydney, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 6), d -> false);
        assertThat(april)
                .extracting(ProgramTrack.Meeting::startsAt)
                .containsExactly(
                        Instant.parse("2026-03-31T22:00:00Z"),
                        Instant.parse("2026-04-02T22:00:00Z"),
                        Instant.parse("2026-04-05T23:00:00Z"));
        // ... and forward on Sunday 2026-10-04 (AEST +10 -> AEDT +11).
        List<ProgramTrack.Meeting> october =
                SessionPlanner.meetings(sydney, LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5), d -> false);
        assertThat(october)
                .extracting(ProgramTrack.Meeting::startsAt)
                .containsExactly(Instant.parse("2026-10-01T23:00:00Z"), Instant.parse("2026-10-04T22:00:00Z"));
        assertThat(local(october, SYDNEY))
                .allSatisfy(t -> assertThat(t.toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
    }

    @Test
    void aMeetingAtATimeThatDoesNotExistMovesForwardByTheGap() {
        ProgramTrack night = track(NEW_YORK, EnumSet.of(DayOfWeek.SUNDAY), "02:30", "04:00");

        ProgramTrack.Meeting meeting = night.meetingOn(LocalDate.of(2026, 3, 8)).orElseThrow();

        assertThat(meeting.startsAt()).isEqualTo(Instant.parse("2026-03-08T07:30:00Z")); // 03:30 EDT
    }

    @Test
    void leavesClosedDaysOut() {
        LocalDate holiday = LocalDate.of(2026, 11, 27);
        List<ProgramTrack.Meeting> meetings = SessionPlanner.meetings(
                track(NEW_YORK, MWF, "09:00", "12:00"),
                LocalDate.of(2026, 11, 23),
                LocalDate.of(2026, 11, 29),
                holiday::equals);

        assertThat(meetings)
                .extracting(ProgramTrack.Meeting::date)
                .containsExactly(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 25));
    }

    @Test
    void plansWeeksOverTheHorizonAndCheckInsEverySecondWeek() {
        LocalDate start = LocalDate.of(2026, 3, 4); // Wednesday
        List<LocalDate> weeks = SessionPlanner.weeks(start, start.plusDays(28));

        assertThat(weeks)
                .containsExactly(
                        LocalDate.of(2026, 3, 2),
                        LocalDate.of(2026, 3, 9),
                        LocalDate.of(2026, 3, 16),
                        LocalDate.of(2026, 3, 23),
                        LocalDate.of(2026, 3, 30));
        assertThat(weeks)
                .filteredOn(w -> SessionPlanner.isCheckInWeek(start, w))
                .containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 30));
        // A later extension continues the same rhythm.
        assertThat(SessionPlanner.isCheckInWeek(start, LocalDate.of(2026, 4, 13)))
                .isTrue();
        assertThat(SessionPlanner.isCheckInWeek(start, LocalDate.of(2026, 4, 20)))
                .isFalse();
    }

    static final List<AvailabilityWindow> ADA = List.of(
            new AvailabilityWindow(DayOfWeek.TUESDAY, LocalTime.of(13, 0), LocalTime.of(16, 0), NEW_YORK),
            new AvailabilityWindow(DayOfWeek.THURSDAY, LocalTime.of(13, 0), LocalTime.of(14, 0), NEW_YORK));

    @Test
    void booksTheFirstFreeSlotWithoutDoubleBookingTheClinicianOrTheClient() {
        LocalDate monday = LocalDate.of(2026, 3, 9);
        Instant earliest = Instant.parse("2026-03-09T00:00:00Z");
        Interval otherClient =
                new Interval(Instant.parse("2026-03-10T17:00:00Z"), Instant.parse("2026-03-10T18:00:00Z"));
        Interval ownGroup = new Interval(Instant.parse("2026-03-10T18:00:00Z"), Instant.parse("2026-03-10T18:30:00Z"));

        Interval slot = SessionPlanner.firstFreeSlot(
                        ADA, monday, earliest, Duration.ofMinutes(60), List.of(otherClient, ownGroup), d -> false)
                .orElseThrow();

        // 13:00-14:00 EDT taken by another client, 14:00-14:30 by the client's own session: 14:30.
        assertThat(slot.start()).isEqualTo(Instant.parse("2026-03-10T18:30:00Z"));
        assertThat(slot.end()).isEqualTo(Instant.parse("2026-03-10T19:30:00Z"));
    }

    @Test
    void findsNoSlotWhenTheWeekIsFullOrClosed() {
        LocalDate monday = LocalDate.of(2026, 3, 9);
        Instant earliest = Instant.parse("2026-03-09T00:00:00Z");
        List<Interval> full = List.of(
                new Interval(Instant.parse("2026-03-10T17:00:00Z"), Instant.parse("2026-03-10T20:00:00Z")),
                new Interval(Instant.parse("2026-03-12T17:00:00Z"), Instant.parse("2026-03-12T18:00:00Z")));

        assertThat(SessionPlanner.firstFreeSlot(ADA, monday, earliest, Duration.ofMinutes(60), full, d -> false))
                .isEmpty();
        assertThat(SessionPlanner.firstFreeSlot(ADA, monday, earliest, Duration.ofMinutes(60), List.of(), d -> true))
                .isEmpty();
        // Starting Wednesday: only Thursday is left.
        assertThat(SessionPlanner.firstFreeSlot(
                                ADA,
                                monday,
                                Instant.parse("2026-03-11T00:00:00Z"),
                                Duration.ofMinutes(30),
                                List.of(),
                                d -> false)
                        .orElseThrow()
                        .start())
                .isEqualTo(Instant.parse("2026-03-12T17:00:00Z"));
    }
}
