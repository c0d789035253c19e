package org.iopcare.treatmentplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
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
        assertThat(validator.validate(properties)).isEmpty();
    }

    @Test
    void readsTheClinicsOwnPeriods() {
        PlanProperties properties =
                bind(Map.of("iopcare.plans.first-review", "1w", "iopcare.plans.review-cadence", "1m"));

        assertThat(properties.firstReview()).isEqualTo(Period.ofWeeks(1));
        assertThat(properties.reviewCadence()).isEqualTo(Period.ofMonths(1));
    }

    @Test
    void refusesPeriodsThatAreNotPositive() {
        assertThat(invalid(new PlanProperties(Period.ZERO, Period.ofDays(30), NY)))
                .containsExactly("firstReviewPositive");
        assertThat(invalid(new PlanProperties(Period.ofDays(14), Period.ofDays(-30), NY)))
                .containsExactly("reviewCadencePositive");
        assertThat(invalid(new PlanProperties(null, Period.ofDays(30), NY))).containsExactly("firstReview");
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
