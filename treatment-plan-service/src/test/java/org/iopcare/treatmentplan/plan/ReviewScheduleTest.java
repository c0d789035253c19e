package org.iopcare.treatmentplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReviewScheduleTest {

    final ReviewSchedule defaults = new ReviewSchedule(
            PlanProperties.defaults(), Clock.fixed(Instant.parse("2026-03-04T03:30:00Z"), ZoneOffset.UTC));

    @Test
    void firstReviewFallsDueTwoWeeksAfterTheStartDate() {
        assertThat(defaults.firstReviewDue(LocalDate.of(2026, 3, 9))).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(defaults.firstReviewDue(LocalDate.of(2026, 12, 21))).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void laterReviewsFollowTheCadence() {
        assertThat(defaults.nextReviewDue(LocalDate.of(2026, 3, 23))).isEqualTo(LocalDate.of(2026, 4, 22));
        assertThat(defaults.nextReviewDue(LocalDate.of(2028, 2, 1))).isEqualTo(LocalDate.of(2028, 3, 2));
    }

    @Test
    void followsTheClinicsSettings() {
        ReviewSchedule clinic = new ReviewSchedule(
                new PlanProperties(
                        Period.ofWeeks(1), Period.ofMonths(1), ZoneId.of("UTC"), "0 0 6 * * *", Duration.ofMinutes(10)),
                Clock.systemUTC());

        assertThat(clinic.firstReviewDue(LocalDate.of(2026, 1, 26))).isEqualTo(LocalDate.of(2026, 2, 2));
        // a calendar month: the end of January reviews at the end of February
        assertThat(clinic.nextReviewDue(LocalDate.of(2026, 1, 31))).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void todayIsTheClinicsDate() {
        // 03:30 UTC is still the evening before in New York
        assertThat(defaults.today()).isEqualTo(LocalDate.of(2026, 3, 3));
    }
}
