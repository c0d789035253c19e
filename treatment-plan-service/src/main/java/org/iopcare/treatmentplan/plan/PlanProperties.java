package org.iopcare.treatmentplan.plan;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * Treatment plan reviews and the plan's scheduled jobs.
 *
 * @param firstReview the first review falls due this long after the client's start date
 * @param reviewCadence each later review falls due this long after the previous one
 * @param timeZone the clinic's time zone: what "today" is for review dates, and the zone of {@code
 *     reviewJobCron}
 * @param reviewJobCron when the daily review-due job runs (a Spring cron expression, in {@code
 *     timeZone})
 * @param dischargeCheckInterval how often discharges dated ahead whose day has come are let take
 *     effect
 */
@Validated
@ConfigurationProperties("iopcare.plans")
record PlanProperties(
        @NotNull @DefaultValue("14d") Period firstReview,
        @NotNull @DefaultValue("30d") Period reviewCadence,
        @NotNull @DefaultValue("America/New_York") ZoneId timeZone,
        @NotNull @DefaultValue("0 0 6 * * *") String reviewJobCron,
        @NotNull @DefaultValue("10m") Duration dischargeCheckInterval) {

    /** The defaults, for tests and tools. */
    static PlanProperties defaults() {
        return new PlanProperties(
                Period.ofDays(14),
                Period.ofDays(30),
                ZoneId.of("America/New_York"),
                "0 0 6 * * *",
                Duration.ofMinutes(10));
    }

    @AssertTrue(message = "must be a positive period, e.g. 14d")
    boolean isFirstReviewPositive() {
        return positive(firstReview);
    }

    @AssertTrue(message = "must be a positive period, e.g. 30d")
    boolean isReviewCadencePositive() {
        return positive(reviewCadence);
    }

    @AssertTrue(message = "must be a cron expression of six fields, e.g. 0 0 6 * * *")
    boolean isReviewJobCronValid() {
        return reviewJobCron == null || CronExpression.isValidExpression(reviewJobCron);
    }

    @AssertTrue(message = "must be a positive duration, e.g. 10m")
    boolean isDischargeCheckIntervalPositive() {
        return dischargeCheckInterval == null
                || !(dischargeCheckInterval.isNegative() || dischargeCheckInterval.isZero());
    }

    private static boolean positive(@Nullable Period period) {
        return period == null || (!period.isNegative() && !period.isZero());
    }
}
