package org.iopcare.scheduling.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BelowMinimumProjectionTest {

    // Wednesday noon; the week ends Monday 00:00 in New York
    final Clock clock = Clock.fixed(Instant.parse("2026-03-18T16:00:00Z"), ZoneOffset.UTC);
    final Instant weekEnds = Instant.parse("2026-03-23T04:00:00Z");

    @Test
    void flagsAWeekThatCanNoLongerReachTheMinimumWhileItRuns() {
        // missed Monday (0 of 180), attended Wednesday (180), Friday and an individual hour left: 420 < 540
        assertThat(BelowMinimumProjection.isShort(180, 240, 540, clock.instant(), weekEnds))
                .isTrue();
    }

    @Test
    void leavesAWeekThatCanStillReachIt() {
        assertThat(BelowMinimumProjection.isShort(360, 240, 540, clock.instant(), weekEnds))
                .isFalse();
        assertThat(BelowMinimumProjection.isShort(300, 60, 360, clock.instant(), weekEnds))
                .isFalse(); // adolescent
    }

    @Test
    void saysNothingOnceTheWeekIsOverAndNoMakeUpIsPossible() {
        assertThat(BelowMinimumProjection.isShort(0, 0, 540, weekEnds, weekEnds))
                .isFalse();
    }

    @Test
    void aWeekOwesTheMinimumInProportionToTheMeetingDaysTheClientCouldAttend() {
        Set<DayOfWeek> mondayWednesdayFriday = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        LocalDate monday = LocalDate.of(2026, 3, 16);
        LocalDate longAgo = monday.minusMonths(2);

        assertThat(BelowMinimumProjection.requiredMinutes(540, mondayWednesdayFriday, monday, longAgo, Set.of()))
                .isEqualTo(540);
        // first day on Wednesday, or Monday closed: two of three days
        assertThat(BelowMinimumProjection.requiredMinutes(
                        540, mondayWednesdayFriday, monday, monday.plusDays(2), Set.of()))
                .isEqualTo(360);
        assertThat(BelowMinimumProjection.requiredMinutes(
                        540, mondayWednesdayFriday, monday, longAgo, Set.of(monday, monday.plusDays(1))))
                .isEqualTo(360);
        // first day on Saturday, or the whole week closed: nothing owed
        assertThat(BelowMinimumProjection.requiredMinutes(
                        540, mondayWednesdayFriday, monday, monday.plusDays(5), Set.of()))
                .isZero();
        assertThat(BelowMinimumProjection.requiredMinutes(
                        540,
                        mondayWednesdayFriday,
                        monday,
                        longAgo,
                        Set.of(monday, monday.plusDays(2), monday.plusDays(4))))
                .isZero();
        // a track without meeting days (individual care only): the whole minimum once the program began
        assertThat(BelowMinimumProjection.requiredMinutes(540, Set.of(), monday, longAgo, Set.of()))
                .isEqualTo(540);
        assertThat(BelowMinimumProjection.requiredMinutes(540, Set.of(), monday, monday.plusWeeks(1), Set.of()))
                .isZero();
    }
}
