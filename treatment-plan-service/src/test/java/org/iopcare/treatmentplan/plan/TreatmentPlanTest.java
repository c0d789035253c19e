package org.iopcare.treatmentplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.ClientEnrolled;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;

class TreatmentPlanTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-03-04T15:30:00Z"), ZoneOffset.UTC);
    final ReviewSchedule reviews = new ReviewSchedule(PlanProperties.defaults(), clock);

    static ClientEnrolled enrolled(LocalDate start, String clinician) {
        return new ClientEnrolled(
                UUID.randomUUID(),
                Instant.parse("2026-03-04T15:29:58Z"),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "MH-IOP-AM",
                start,
                clinician,
                AgeGroup.ADULT,
                "America/New_York",
                null,
                null,
                null,
                false,
                false);
    }

    @Test
    void opensADraftWhoseFirstReviewIsCountedFromTheStartDate() {
        ClientEnrolled event = enrolled(LocalDate.of(2026, 3, 9), "clin-ada");

        TreatmentPlan plan = TreatmentPlan.open(event, reviews, Instant.now(clock));

        assertThat(plan.id()).isNotNull();
        assertThat(plan.clientId()).isEqualTo(event.clientId());
        assertThat(plan.enrollmentId()).isEqualTo(event.enrollmentId());
        assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(plan.primaryClinicianId()).isEqualTo("clin-ada");
        assertThat(plan.startDate()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(plan.openedAt()).isEqualTo(Instant.parse("2026-03-04T15:30:00Z"));
        assertThat(plan.nextReviewDue()).isEqualTo(LocalDate.of(2026, 3, 23));
    }

    @Test
    void countsFromTheStartDateEvenWhenTheClientStartedBeforeThePlanWasOpened() {
        // a late event must not push the review back: an overdue review shows as overdue
        TreatmentPlan plan =
                TreatmentPlan.open(enrolled(LocalDate.of(2026, 2, 2), "clin-ada"), reviews, Instant.now(clock));

        assertThat(plan.nextReviewDue()).isEqualTo(LocalDate.of(2026, 2, 16));
    }

    @Test
    void refusesAnEventWithoutWhatAPlanNeeds() {
        Instant now = Instant.now(clock);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TreatmentPlan.open(enrolled(null, "clin-ada"), reviews, now))
                .withMessageContaining("startDate");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TreatmentPlan.open(enrolled(LocalDate.of(2026, 3, 9), " "), reviews, now))
                .withMessageContaining("primaryClinicianId");
    }

    @Test
    void springDataReadsTheVersionThroughAGetter() {
        // Without one, its check for a new row throws and catches an exception on every save.
        assertThat(BeanUtils.getPropertyDescriptor(TreatmentPlan.class, "version")
                        .getReadMethod())
                .isNotNull();
    }
}
