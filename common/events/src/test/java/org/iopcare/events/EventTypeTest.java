package org.iopcare.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void namesEveryTypeAfterItsSourceTopicAndVersion() {
        assertThat(EventType.INQUIRY_RECEIVED_V1.ceType()).isEqualTo("org.iopcare.intake.inquiry-received.v1");
        assertThat(EventType.CLIENT_ENROLLED_V1.ceType()).isEqualTo("org.iopcare.intake.enrolled.v1");
        assertThat(EventType.CLIENT_ENROLLED_V1.source()).isEqualTo("/iopcare/intake");
        assertThat(EventType.forCeType("org.iopcare.intake.enrolled.v1")).contains(EventType.CLIENT_ENROLLED_V1);
    }

    @Test
    void everyTypePublishesToAKnownTopicAndEveryPayloadHasOneType() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::topic)).allMatch(Topics.ALL::contains);
        assertThat(Arrays.stream(EventType.values())
                        .filter(type -> type.payloadType() != StaffAlerted.class)
                        .map(EventType::payloadType))
                .doesNotHaveDuplicates();
    }

    @Test
    void aStaffAlertIsTypedByTheServiceThatRaisedIt() {
        assertThat(EventType.typesOf(StaffAlerted.class))
                .extracting(EventType::producer)
                .containsExactlyInAnyOrder("intake", "scheduling", "treatment-plan", "notification");
        assertThat(EventType.typesOf(StaffAlerted.class))
                .extracting(EventType::topic)
                .containsOnly(Topics.STAFF_ALERTED);
        StaffAlerted alert = new StaffAlerted(
                UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "scheduling", UUID.randomUUID(), 1, null, "X");

        assertThat(EventType.of(alert)).isEqualTo(EventType.STAFF_ALERTED_BY_SCHEDULING_V1);
        assertThat(EventType.of(alert).ceType()).isEqualTo("org.iopcare.scheduling.staff-alerted.v1");
        assertThatThrownBy(() -> new StaffAlerted(
                        UUID.randomUUID(),
                        Instant.now(),
                        UUID.randomUUID(),
                        "billing",
                        UUID.randomUUID(),
                        1,
                        null,
                        "X"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTypeIsPublishedByOneOfTheFourServices() {
        assertThat(EventType.values())
                .allSatisfy(type ->
                        assertThat(type.producer()).isIn("intake", "scheduling", "treatment-plan", "notification"))
                .allSatisfy(type -> assertThat(type.source()).isEqualTo("/iopcare/" + type.producer()))
                .allSatisfy(type -> assertThat(type.ceType())
                        .isEqualTo("org.iopcare." + type.producer() + "." + type.topic() + ".v" + type.version()));
        assertThat(EventType.PLAN_UPDATED_V1.ceType()).isEqualTo("org.iopcare.treatment-plan.plan-updated.v1");
        assertThat(EventType.ATTENDANCE_CONFIRMED_V1.source()).isEqualTo("/iopcare/notification");
        assertThat(EventType.CLIENT_DISCHARGED_V1.ceType()).isEqualTo("org.iopcare.intake.discharged.v1");
    }

    @Test
    void reasonCodesAreImmutableCopies() {
        List<String> codes = new ArrayList<>(List.of("MISSED_SESSIONS"));
        PlanUpdated plan = new PlanUpdated(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                2,
                PlanChangeType.FLAGGED,
                PlanStatus.REVIEW_REQUIRED,
                codes,
                false,
                null);
        codes.add("SCORE_WORSENED");

        assertThat(plan.reasonCodes()).containsExactly("MISSED_SESSIONS");
        assertThatThrownBy(() -> plan.reasonCodes().add("X")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void keepsContactDetailsOutOfToString() {
        InquiryReceived inquiry = new InquiryReceived(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Sam",
                "+16175550123",
                "sam@example.org",
                ContactChannel.SMS,
                true,
                null);
        ClientEnrolled enrolled = new ClientEnrolled(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "MH-IOP-AM",
                LocalDate.now(),
                "dr-lee",
                AgeGroup.ADULT,
                "America/New_York",
                "Sam",
                "+16175550123",
                "sam@example.org",
                true,
                true);

        assertThat(inquiry.toString() + enrolled).doesNotContain("Sam", "+1617", "sam@", "MH-IOP");
        assertThat(inquiry.toString()).contains(inquiry.clientId().toString());
    }
}
