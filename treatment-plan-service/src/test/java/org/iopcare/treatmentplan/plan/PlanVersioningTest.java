package org.iopcare.treatmentplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.iopcare.support.web.ProblemException;
import org.iopcare.treatmentplan.plan.Activation.AcknowledgementMethod;
import org.junit.jupiter.api.Test;

class PlanVersioningTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-03-04T15:30:00Z"), ZoneOffset.UTC);
    final Instant now = Instant.now(clock);
    final ReviewSchedule reviews = new ReviewSchedule(PlanProperties.defaults(), clock);
    final TreatmentPlan plan =
            TreatmentPlan.open(TreatmentPlanTest.enrolled(LocalDate.of(2026, 3, 9), "clin-ada"), reviews, now);

    @Test
    void versionsCountFromOneEachBasedOnTheCurrent() {
        assertThat(plan.currentVersion()).isZero();
        assertThat(plan.nextVersion(0)).isEqualTo(1);
        assertThat(plan.nextVersion(1)).isEqualTo(2);
        assertThat(plan.currentVersion()).isEqualTo(2);
    }

    @Test
    void aWriteBasedOnAnOlderOrUnknownVersionIsAConflict() {
        plan.nextVersion(0);
        plan.nextVersion(1);

        assertStatus(() -> plan.nextVersion(1), 409, "stale-plan-version");
        assertStatus(() -> plan.nextVersion(0), 409, "stale-plan-version");
        assertStatus(() -> plan.nextVersion(7), 409, "stale-plan-version");
        assertThat(plan.currentVersion()).isEqualTo(2);
    }

    @Test
    void activationMakesTheCurrentVersionActiveWithTheAcknowledgement() {
        plan.nextVersion(0);
        Instant acknowledged = now.minusSeconds(600);

        plan.activate(activation(1, acknowledged), LocalDate.of(2026, 3, 4), reviews, now);

        assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(plan.activeVersion()).isEqualTo(1);
        assertThat(plan.acknowledgedAt()).isEqualTo(acknowledged);
        assertThat(plan.acknowledgementMethod()).isEqualTo(AcknowledgementMethod.SIGNED_IN_PERSON);
        // first activation before the first review date keeps it: start 03-09 + 14 days
        assertThat(plan.nextReviewDue()).isEqualTo(LocalDate.of(2026, 3, 23));
    }

    @Test
    void aLaterActivationIsAReviewAndSetsTheNextOneACadenceAhead() {
        plan.nextVersion(0);
        plan.activate(activation(1, now), LocalDate.of(2026, 3, 4), reviews, now);
        plan.flag();
        plan.nextVersion(1);

        plan.activate(activation(2, now), LocalDate.of(2026, 3, 25), reviews, now);

        assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(plan.activeVersion()).isEqualTo(2);
        assertThat(plan.nextReviewDue()).isEqualTo(LocalDate.of(2026, 4, 24));
    }

    @Test
    void aFirstActivationAfterTheFirstReviewDateCountsACadenceFromToday() {
        plan.nextVersion(0);

        plan.activate(activation(1, now), LocalDate.of(2026, 3, 30), reviews, now);

        assertThat(plan.nextReviewDue()).isEqualTo(LocalDate.of(2026, 4, 29));
    }

    @Test
    void refusesActivationsThatDoNotFit() {
        LocalDate today = LocalDate.of(2026, 3, 4);
        assertStatus(() -> plan.activate(activation(1, now), today, reviews, now), 409, "plan-without-version");
        plan.nextVersion(0);
        plan.nextVersion(1);
        assertStatus(() -> plan.activate(activation(1, now), today, reviews, now), 409, "stale-plan-version");
        assertStatus(
                () -> plan.activate(activation(2, now.plusSeconds(3600)), today, reviews, now),
                422,
                "acknowledgement-in-the-future");
        plan.activate(activation(2, now), today, reviews, now);
        assertStatus(() -> plan.activate(activation(2, now), today, reviews, now), 409, "plan-already-active");
    }

    @Test
    void aClosedPlanTakesNoVersionsActivationsOrFlags() {
        plan.nextVersion(0);
        plan.close(now);

        assertThat(plan.status()).isEqualTo(PlanStatus.CLOSED);
        assertThat(plan.closedAt()).isEqualTo(now);
        assertStatus(() -> plan.nextVersion(1), 409, "plan-closed");
        assertStatus(
                () -> plan.activate(activation(1, now), LocalDate.of(2026, 3, 4), reviews, now), 409, "plan-closed");
        assertStatus(plan::flag, 409, "plan-closed");
    }

    @Test
    void aFlagPutsADraftOrActivePlanUnderReview() {
        plan.flag();
        assertThat(plan.status()).isEqualTo(PlanStatus.REVIEW_REQUIRED);
    }

    private static Activation activation(int version, Instant acknowledged) {
        return new Activation(version, acknowledged, AcknowledgementMethod.SIGNED_IN_PERSON);
    }

    private static void assertStatus(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, String type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.getStatusCode().value()).isEqualTo(status);
            assertThat(problem.getBody().getType().toString()).endsWith("/" + type);
        });
    }
}
