package org.iopcare.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Reminder times in America/New_York with a fixed clock, across both daylight-saving changes of
 * 2026 (March 8: 02:00 EST becomes 03:00 EDT; November 1: 02:00 EDT becomes 01:00 EST).
 */
class ReminderPlannerTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final SendWindow WINDOW = new SendWindow(LocalTime.of(8, 0), LocalTime.of(21, 0));
    final ReminderPlanner planner = new ReminderPlanner(WINDOW);

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(NEW_YORK).toInstant();
    }

    static Clock clockAt(String dateTime) {
        return Clock.fixed(local(dateTime), ZoneOffset.UTC);
    }

    @Test
    void theDayBeforeKeepsTheLocalTimeAcrossTheSpringChange() {
        Instant now = Instant.now(clockAt("2026-03-01T10:00"));
        // Sunday March 8, 09:00 EDT; the day before is still EST
        assertThat(planner.sendAt(now, local("2026-03-08T09:00"), Duration.ofDays(1), NEW_YORK))
                .contains(local("2026-03-07T09:00"));
        assertThat(local("2026-03-08T09:00").minus(Duration.ofDays(1))).isEqualTo(local("2026-03-07T08:00"));
    }

    @Test
    void theDayBeforeKeepsTheLocalTimeAcrossTheAutumnChange() {
        Instant now = Instant.now(clockAt("2026-10-25T10:00"));
        assertThat(planner.sendAt(now, local("2026-11-01T08:30"), Duration.ofDays(1), NEW_YORK))
                .contains(local("2026-10-31T08:30"));
    }

    @Test
    void aReminderBeforeTheWindowOpensMovesToTheOpeningWhenThatIsNearer() {
        Instant now = Instant.now(clockAt("2026-03-01T10:00"));
        // session Monday 07:30: due Sunday 07:30 (EDT, the day after the change); 08:00 is 30 min away
        assertThat(planner.sendAt(now, local("2026-03-09T07:30"), Duration.ofDays(1), NEW_YORK))
                .contains(local("2026-03-08T08:00"));
    }

    @Test
    void aReminderAfterTheWindowClosesMovesBackToTheClose() {
        Instant now = Instant.now(clockAt("2026-10-20T10:00"));
        // session Sunday Nov 1 22:00 EST: due Saturday 22:00 EDT, moved to 21:00 the same evening
        assertThat(planner.sendAt(now, local("2026-11-01T22:00"), Duration.ofDays(1), NEW_YORK))
                .contains(local("2026-10-31T21:00"));
    }

    @Test
    void aMoveNeverLandsAtOrAfterTheSession() {
        Instant now = Instant.now(clockAt("2026-03-01T10:00"));
        // session 07:00 with a one-hour offset: 06:00 is outside, 08:00 is after the session
        assertThat(planner.sendAt(now, local("2026-03-09T07:00"), Duration.ofHours(1), NEW_YORK))
                .contains(local("2026-03-08T21:00"));
        // session 08:30 with a one-hour offset: 08:00 is nearer than 21:00 the evening before
        assertThat(planner.sendAt(now, local("2026-03-09T08:30"), Duration.ofHours(1), NEW_YORK))
                .contains(local("2026-03-09T08:00"));
    }

    @Test
    void aSessionSoonerThanTheOffsetIsRemindedAtOnceInsideTheWindow() {
        Instant now = Instant.now(clockAt("2026-03-08T10:00"));
        assertThat(planner.sendAt(now, now.plus(Duration.ofMinutes(3)), Duration.ofDays(1), NEW_YORK))
                .contains(now);
    }

    @Test
    void aSessionSoonerThanTheOffsetOutsideTheWindowWithNoAllowedTimeLeftIsNotReminded() {
        Instant now = Instant.now(clockAt("2026-03-08T22:00"));
        assertThat(planner.sendAt(now, now.plus(Duration.ofMinutes(30)), Duration.ofDays(1), NEW_YORK))
                .isEmpty();
    }

    @Test
    void aSessionSoonerThanTheOffsetOutsideTheWindowIsRemindedAtTheOpening() {
        Instant now = Instant.now(clockAt("2026-11-01T01:30"));
        // 01:30 on the autumn-change night (the first, EDT one); session at 10:00 EST
        assertThat(planner.sendAt(now, local("2026-11-01T10:00"), Duration.ofDays(1), NEW_YORK))
                .contains(local("2026-11-01T08:00"));
    }

    @Test
    void aPastOrStartedSessionIsNeverReminded() {
        Instant now = Instant.now(clockAt("2026-03-08T10:00"));
        assertThat(planner.sendAt(now, now, Duration.ofDays(1), NEW_YORK)).isEmpty();
        assertThat(planner.sendAt(now, now.minusSeconds(60), Duration.ofDays(1), NEW_YORK))
                .isEmpty();
    }

    @Test
    void theWindowFollowsLocalTimeOnBothChangeDays() {
        assertThat(WINDOW.allows(Instant.parse("2026-03-07T12:30:00Z"), NEW_YORK))
                .isFalse(); // 07:30 EST
        assertThat(WINDOW.allows(Instant.parse("2026-03-08T12:30:00Z"), NEW_YORK))
                .isTrue(); // 08:30 EDT
        assertThat(WINDOW.allows(Instant.parse("2026-11-01T12:30:00Z"), NEW_YORK))
                .isFalse(); // 07:30 EST
        assertThat(WINDOW.allows(Instant.parse("2026-10-31T12:30:00Z"), NEW_YORK))
                .isTrue(); // 08:30 EDT
        assertThat(WINDOW.allows(local("2026-03-08T21:00:59"), NEW_YORK)).isTrue();
        assertThat(WINDOW.allows(local("2026-03-08T21:01"), NEW_YORK)).isFalse();
    }

    @Test
    void anAlwaysOpenWindowAllowsEveryMinute() {
        SendWindow always = new SendWindow(LocalTime.MIDNIGHT, LocalTime.of(23, 59));
        assertThat(always.allows(local("2026-03-08T23:59:30"), NEW_YORK)).isTrue();
        assertThat(always.allows(local("2026-03-08T00:00"), NEW_YORK)).isTrue();
    }

    @Test
    void theNextOpeningIsTheSameMorningOrTheNext() {
        assertThat(WINDOW.nextOpening(local("2026-03-08T06:00"), NEW_YORK)).isEqualTo(local("2026-03-08T08:00"));
        assertThat(WINDOW.nextOpening(local("2026-10-31T22:00"), NEW_YORK)).isEqualTo(local("2026-11-01T08:00"));
        assertThat(WINDOW.nextOpening(local("2026-03-08T12:00"), NEW_YORK)).isEqualTo(local("2026-03-08T12:00"));
    }
}
