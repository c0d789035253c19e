package org.iopcare.treatmentplan.plan;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Treatment plan reviews.
 *
 * @param firstReview the first review falls due this long after the client's start date
 * @param reviewCadence each later review falls due this long after the previous one
 * @param timeZone the clinic's time zone: what "today" is for review dates
 */
@Validated
@ConfigurationProperties("iopcare.plans")
record PlanProperties(
        @NotNull @DefaultValue("14d") Period firstReview,
        @NotNull @DefaultValue("30d") Period reviewCadence,
        @NotNull @DefaultValue("America/New_York") ZoneId timeZone) {

    /** The defaults, for tests and tools. */
    static PlanProperties defaults() {
        return new PlanProperties(Period.ofDays(14), Period.ofDays(30), ZoneId.of("America/New_York"));
    }

    @AssertTrue(message = "must be a positive period, e.g. 14d")
    boolean isFirstReviewPositive() {
        return positive(firstReview);
    }

    @AssertTrue(message = "must be a positive period, e.g. 30d")
    boolean isReviewCadencePositive() {
        return positive(reviewCadence);
    }

    private static boolean positive(Period period) {
        return period == null || (!period.isNegative() && !period.isZero());
    }
}
