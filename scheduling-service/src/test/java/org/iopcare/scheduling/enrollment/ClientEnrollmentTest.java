package org.iopcare.scheduling.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.ClientEnrolled;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;

class ClientEnrollmentTest {

    static final UUID CLIENT = UUID.randomUUID();
    static final Instant MONDAY = Instant.parse("2026-03-02T14:00:00Z");

    static ClientEnrolled enrolled(Instant occurredAt, String track, LocalDate start, String zone) {
        return new ClientEnrolled(
                UUID.randomUUID(),
                occurredAt,
                CLIENT,
                UUID.randomUUID(),
                track,
                start,
                "clin-ada",
                AgeGroup.ADULT,
                zone,
                "Sam",
                "+16175550100",
                null,
                true,
                false);
    }

    @Test
    void takesEverythingTheScheduleIsBuiltFrom() {
        ClientEnrolled event = enrolled(MONDAY, "MH-IOP-AM", LocalDate.of(2026, 3, 9), "America/New_York");
        Instant now = MONDAY.plusSeconds(3);

        ClientEnrollment enrollment = ClientEnrollment.from(event, now);

        assertThat(enrollment.clientId()).isEqualTo(CLIENT);
        assertThat(enrollment.enrollmentId()).isEqualTo(event.enrollmentId());
        assertThat(enrollment.trackCode()).isEqualTo("MH-IOP-AM");
        assertThat(enrollment.startDate()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(enrollment.primaryClinicianId()).isEqualTo("clin-ada");
        assertThat(enrollment.ageGroup()).isEqualTo(AgeGroup.ADULT);
        assertThat(enrollment.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(enrollment.enrolledAt()).isEqualTo(MONDAY);
        assertThat(enrollment.recordedAt()).isEqualTo(now);
    }

    @Test
    void followsALaterEnrollment() {
        ClientEnrollment enrollment = ClientEnrollment.from(
                enrolled(MONDAY, "MH-IOP-AM", LocalDate.of(2026, 3, 9), "America/New_York"), MONDAY);
        ClientEnrolled moved =
                enrolled(MONDAY.plusSeconds(86_400), "SUD-IOP-PM", LocalDate.of(2026, 3, 10), "America/Chicago");

        assertThat(enrollment.follow(moved, MONDAY.plusSeconds(86_401))).isTrue();

        assertThat(enrollment.enrollmentId()).isEqualTo(moved.enrollmentId());
        assertThat(enrollment.trackCode()).isEqualTo("SUD-IOP-PM");
        assertThat(enrollment.startDate()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(enrollment.timeZone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(enrollment.enrolledAt()).isEqualTo(MONDAY.plusSeconds(86_400));
    }

    @Test
    void ignoresAnEnrollmentThatHappenedBeforeTheRecordedOne() {
        ClientEnrolled current = enrolled(MONDAY, "SUD-IOP-PM", LocalDate.of(2026, 3, 10), "America/New_York");
        ClientEnrollment enrollment = ClientEnrollment.from(current, MONDAY);
        ClientEnrolled replayed =
                enrolled(MONDAY.minusSeconds(3_600), "MH-IOP-AM", LocalDate.of(2026, 3, 9), "America/New_York");

        assertThat(enrollment.follow(replayed, MONDAY.plusSeconds(60))).isFalse();

        assertThat(enrollment.enrollmentId()).isEqualTo(current.enrollmentId());
        assertThat(enrollment.trackCode()).isEqualTo("SUD-IOP-PM");
        assertThat(enrollment.recordedAt()).isEqualTo(MONDAY);
    }

    @Test
    void refusesAnEventThatCannotBuildASchedule() {
        LocalDate start = LocalDate.of(2026, 3, 9);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientEnrollment.from(enrolled(MONDAY, " ", start, "America/New_York"), MONDAY))
                .withMessageContaining("trackCode");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> ClientEnrollment.from(enrolled(MONDAY, "MH-IOP-AM", null, "America/New_York"), MONDAY))
                .withMessageContaining("startDate");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientEnrollment.from(enrolled(MONDAY, "MH-IOP-AM", start, "Mars/Olympus"), MONDAY))
                .withMessageContaining("timeZone")
                .withMessageNotContaining("Mars");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientEnrollment.from(enrolled(null, "MH-IOP-AM", start, "America/New_York"), MONDAY))
                .withMessageContaining("occurredAt");
    }

    @Test
    void refusesAnotherClientsEnrollment() {
        ClientEnrollment enrollment = ClientEnrollment.from(
                enrolled(MONDAY, "MH-IOP-AM", LocalDate.of(2026, 3, 9), "America/New_York"), MONDAY);
        ClientEnrolled other = new ClientEnrolled(
                UUID.randomUUID(),
                MONDAY.plusSeconds(5),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "MH-IOP-AM",
                LocalDate.of(2026, 3, 9),
                "clin-ada",
                AgeGroup.ADULT,
                "America/New_York",
                null,
                null,
                null,
                false,
                false);

        assertThatIllegalArgumentException().isThrownBy(() -> enrollment.follow(other, MONDAY));
    }

    @Test
    void springDataReadsTheVersionThroughAGetter() {
        // Without one, its check for a new row throws and catches an exception on every save.
        assertThat(BeanUtils.getPropertyDescriptor(ClientEnrollment.class, "version")
                        .getReadMethod())
                .isNotNull();
    }
}
