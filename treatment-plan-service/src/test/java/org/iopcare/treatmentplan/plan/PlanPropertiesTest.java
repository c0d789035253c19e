package org.iopcare.treatmentplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PlanPropertiesTest {

    static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    static final ZoneId NY = ZoneId.of("America/New_York");
    static final String CRON = "0 0 6 * * *";
    static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    final Validator validator = VALIDATION.getValidator();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void defaultsToAFirstReviewAfterTwoWeeksThenEveryThirtyDays() {
        PlanProperties properties = bind(Map.of());

        assertThat(properties.firstReview()).isEqualTo(Period.ofDays(14));
        assertThat(properties.reviewCadence()).isEqualTo(Period.ofDays(30));
        assertThat(properties.timeZone()).isEqualTo(NY);
        assertThat(properties.reviewJobCron()).isEqualTo("0 0 6 * * *");
        assertThat(properties.dischargeCheckInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties).isEqualTo(PlanProperties.defaults());
        assertThat(validator.validate(properties)).isEmpty();
    }

    @Test
    void readsTheClinicsOwnPeriods() {
        PlanProperties properties = bind(Map.of(
                "iopcare.plans.first-review",
                "1w",
                "iopcare.plans.review-cadence",
                "1m",
                "iopcare.plans.review-job-cron",
                "0 30 7 * * MON-FRI",
                "iopcare.plans.discharge-check-interval",
                "2m"));

        assertThat(properties.firstReview()).isEqualTo(Period.ofWeeks(1));
        assertThat(properties.reviewCadence()).isEqualTo(Period.ofMonths(1));
        assertThat(properties.reviewJobCron()).isEqualTo("0 30 7 * * MON-FRI");
        assertThat(properties.dischargeCheckInterval()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void refusesPeriodsThatAreNotPositive() {
        assertThat(invalid(new PlanProperties(Period.ZERO, Period.ofDays(30), NY, CRON, TEN_MINUTES)))
                .containsExactly("firstReviewPositive");
        assertThat(invalid(new PlanProperties(Period.ofDays(14), Period.ofDays(-30), NY, CRON, TEN_MINUTES)))
                .containsExactly("reviewCadencePositive");
        assertThat(invalid(new PlanProperties(null, Period.ofDays(30), NY, CRON, TEN_MINUTES)))
                .containsExactly("firstReview");
    }

    @Test
    void refusesACronThatIsNotOneAndAnIntervalThatIsNotPositive() {
        // five fields is a Unix cron; Spring's has seconds first
        assertThat(invalid(new PlanProperties(Period.ofDays(14), Period.ofDays(30), NY, "0 6 * * *", TEN_MINUTES)))
                .containsExactly("reviewJobCronValid");
        assertThat(invalid(new PlanProperties(Period.ofDays(14), Period.ofDays(30), NY, CRON, Duration.ZERO)))
                .containsExactly("dischargeCheckIntervalPositive");
    }

    private static PlanProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("iopcare.plans", PlanProperties.class);
    }

    private Set<String> invalid(PlanProperties properties) {
        return validator.validate(properties).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(java.util.stream.Collectors.toSet());
    }
}
