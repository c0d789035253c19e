package org.iopcare.scheduling.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissCounterTest {

    static final Instant NOW = Instant.parse("2026-03-20T14:00:00Z");

    static MissCounter.Past daysAgo(int days, Attendance attendance) {
        return new MissCounter.Past(NOW.minus(Duration.ofDays(days)), attendance);
    }

    @Test
    void aFirstMissCountsOne() {
        assertThat(MissCounter.count(NOW, List.of(daysAgo(0, Attendance.NO_SHOW), daysAgo(2, Attendance.PRESENT))))
                .isEqualTo(new MissCounter.Counts(1, 1));
    }

    @Test
    void excusedAbsencesNeitherCountNorBreakARun() {
        List<MissCounter.Past> history = List.of(
                daysAgo(0, Attendance.NO_SHOW),
                daysAgo(2, Attendance.EXCUSED),
                daysAgo(4, Attendance.ABSENT),
                daysAgo(6, Attendance.LATE),
                daysAgo(8, Attendance.NO_SHOW),
                daysAgo(20, Attendance.NO_SHOW));

        assertThat(MissCounter.count(NOW, history)).isEqualTo(new MissCounter.Counts(2, 3));
    }

    @Test
    void laterSessionsDoNotCount() {
        List<MissCounter.Past> history =
                List.of(new MissCounter.Past(NOW.plusSeconds(60), Attendance.NO_SHOW), daysAgo(0, Attendance.NO_SHOW));

        assertThat(MissCounter.count(NOW, history)).isEqualTo(new MissCounter.Counts(1, 1));
    }
}
