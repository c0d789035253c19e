package org.iopcare.treatmentplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.ClientDischarged;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.DischargeReason;
import org.iopcare.events.PlanChangeType;
import org.iopcare.events.PlanUpdated;
import org.iopcare.events.Topics;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.treatmentplan.TreatmentPlanIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class PlanVersionIT extends TreatmentPlanIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String CLINICIAN = TestTokens.bearer(StaffRole.CLINICIAN);

    @Autowired
    JdbcTemplate jdbc;

    static String content(int phq9Below) {
        return """
                {"problems": [{"category": "CO_OCCURRING", "statement": "Depressed mood with alcohol use",
                   "goals": [{"statement": "Reduce depressive symptoms", "targetDate": "2026-06-01",
                              "measureTarget": {"instrument": "PHQ9", "below": %d},
                              "objectives": [{"statement": "Attend all groups for four weeks", "status": "IN_PROGRESS"}]}]}],
                 "interventions": [{"modality": "GROUP_THERAPY", "frequency": {"times": 3, "per": "WEEK"},
                                    "responsibleRole": "GROUP_FACILITATOR"},
                                   {"modality": "MEDICATION_MANAGEMENT_REFERRAL", "frequency": {"times": 1, "per": "MONTH"},
                                    "responsibleRole": "PSYCHIATRIC_PROVIDER"}]}
                """.formatted(phq9Below);
    }

    static String version(int basedOn, String reason, int phq9Below) {
        return "{\"basedOnVersion\": " + basedOn + ", \"reason\": \"" + reason + "\", \"content\": "
                + content(phq9Below) + "}";
    }

    static String activation(int version) {
        return "{\"version\": " + version + ", \"acknowledgedAt\": \""
                + Instant.now().minusSeconds(60) + "\", \"acknowledgementMethod\": \"SIGNED_IN_PERSON\"}";
    }

    /** Enrolls a new client through the topic, with staff-test on the care team; waits for the draft. */
    JsonNode enrolledClientPlan() {
        ClientEnrolled event = PlanIT.enrolled(UUID.randomUUID(), LocalDate.now(), "clin-ada");
        TestKafka.publish(event);
        putTestStaffOnTheTeam(event.clientId(), "clin-ada");
        return awaitPlan(event.clientId(), "DRAFT");
    }

    JsonNode awaitPlan(UUID client, String status) {
        List<JsonNode> seen = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            Response response = http.get("/api/clients/" + client + "/plan", CLINICIAN);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("status").asString()).isEqualTo(status);
            seen.add(response.json());
        });
        return seen.get(seen.size() - 1);
    }

    @Test
    void writesVersionsRefusesStaleWritesAndActivatesWithTheAcknowledgement() {
        JsonNode plan = enrolledClientPlan();
        String planId = plan.get("id").asString();
        String versions = "/api/plans/" + planId + "/versions";

        Response first = http.postJson(versions, CLINICIAN, version(0, "Initial plan", 10));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.headers().getLocation().getPath()).isEqualTo(versions + "/1");
        assertThat(first.json().get("number").asInt()).isEqualTo(1);
        assertThat(first.json().get("author").asString()).isEqualTo("staff-test");

        Response second = http.postJson(
                versions, TestTokens.bearer(StaffRole.CLINICAL_SUPERVISOR), version(1, "Tighter target", 8));
        assertThat(second.status()).as(second.text()).isEqualTo(201);

        Response stale = http.postJson(versions, CLINICIAN, version(1, "Edited an old copy", 5));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/stale-plan-version");
        assertThat(stale.text()).doesNotContain("Edited an old copy");

        Response list = http.get(versions, TestTokens.bearer(StaffRole.CLINICAL_SUPERVISOR));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(2);
        assertThat(list.json().get(1).get("reason").asString()).isEqualTo("Tighter target");
        assertThat(list.json().get(1).get("author").asString()).isEqualTo("staff-test");
        assertThat(list.json().get(1).get("createdAt").asString()).isNotBlank();
        Response one = http.get(versions + "/1", CLINICIAN);
        assertThat(one.json()
                        .get("content")
                        .get("problems")
                        .get(0)
                        .get("goals")
                        .get(0)
                        .get("measureTarget")
                        .get("below")
                        .asInt())
                .isEqualTo(10);

        Response activated = http.postJson("/api/plans/" + planId + "/activate", CLINICIAN, activation(2));
        assertThat(activated.status()).as(activated.text()).isEqualTo(200);
        assertThat(activated.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(activated.json().get("activeVersion").asInt()).isEqualTo(2);
        assertThat(activated.json().get("acknowledgementMethod").asString()).isEqualTo("SIGNED_IN_PERSON");
        assertThat(http.postJson("/api/plans/" + planId + "/activate", CLINICIAN, activation(2))
                        .status())
                .isEqualTo(409);

        List<PlanUpdated> published = awaitPlanUpdates(UUID.fromString(planId), 3);
        assertThat(published)
                .extracting(PlanUpdated::changeType)
                .containsExactly(
                        PlanChangeType.VERSION_CREATED, PlanChangeType.VERSION_CREATED, PlanChangeType.ACTIVATED);
        assertThat(published.get(2).version()).isEqualTo(2);
        assertThat(published.get(2).nextReviewDue())
                .isEqualTo(
                        activated.json().get("nextReviewDue").asString() == null
                                ? null
                                : LocalDate.parse(
                                        activated.json().get("nextReviewDue").asString()));
        assertThat(published.get(0).nextReviewDue()).isNull();

        // the audit trail has who wrote and who read
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_entry WHERE path_pattern = ? AND action = 'CREATE' AND actor = 'staff-test'"
                                + " AND path_ids LIKE ?",
                        Long.class,
                        "/api/plans/{id}/versions",
                        "%" + planId + "%"))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_entry WHERE path_pattern = ? AND action = 'READ' AND path_ids LIKE ?",
                        Long.class,
                        "/api/plans/{id}/versions",
                        "%" + planId + "%"))
                .isEqualTo(1);
    }

    @Test
    void onlyCliniciansAndSupervisorsWriteAndInvalidContentChangesNothing() {
        JsonNode plan = enrolledClientPlan();
        String versions = "/api/plans/" + plan.get("id").asString() + "/versions";

        assertThat(http.postJson(versions, TestTokens.bearer(StaffRole.PROGRAM_ADMIN), version(0, "x", 10))
                        .status())
                .isEqualTo(403);
        assertThat(http.postJson(versions, TestTokens.bearer(StaffRole.SCHEDULER), version(0, "x", 10))
                        .status())
                .isEqualTo(403);
        assertThat(http.get(versions, TestTokens.bearer(StaffRole.INTAKE_COORDINATOR))
                        .status())
                .isEqualTo(403);
        assertThat(http.get(versions, TestTokens.bearer(StaffRole.PROGRAM_ADMIN))
                        .status())
                .isEqualTo(403);
        Response outOfRange = http.postJson(versions, CLINICIAN, version(0, "x", 40));
        assertThat(outOfRange.status()).isEqualTo(400);
        Response noReason = http.postJson(versions, CLINICIAN, version(0, "", 10));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(http.postJson("/api/plans/" + UUID.randomUUID() + "/versions", CLINICIAN, version(0, "x", 10))
                        .status())
                .isEqualTo(404);
        assertThat(http.get(versions, CLINICIAN).json()).isEmpty();
    }

    @Test
    void aDischargeClosesThePlanOnceAndTheClientMayEnrollAgain() {
        JsonNode plan = enrolledClientPlan();
        UUID client = UUID.fromString(plan.get("clientId").asString());
        UUID planId = UUID.fromString(plan.get("id").asString());
        ClientDischarged discharged = new ClientDischarged(
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                client,
                UUID.fromString(plan.get("enrollmentId").asString()),
                clinicToday(),
                DischargeReason.COMPLETED);

        TestKafka.publish(discharged);
        TestKafka.publish(discharged);

        JsonNode closed = awaitPlan(client, "CLOSED");
        assertThat(closed.get("closedAt").asString()).isNotBlank();
        List<PlanUpdated> published = awaitPlanUpdates(planId, 1);
        assertThat(published).extracting(PlanUpdated::changeType).containsExactly(PlanChangeType.CLOSED);
        assertThat(published.get(0).nextReviewDue()).isNull();
        Response write = http.postJson("/api/plans/" + planId + "/versions", CLINICIAN, version(0, "x", 10));
        assertThat(write.status()).isEqualTo(409);

        ClientEnrolled again = PlanIT.enrolled(client, LocalDate.now().plusDays(7), "clin-bo");
        TestKafka.publish(again);
        JsonNode reopened = awaitPlan(client, "DRAFT");
        assertThat(reopened.get("id").asString()).isNotEqualTo(planId.toString());
        assertThat(reopened.get("primaryClinicianId").asString()).isEqualTo("clin-bo");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM treatment_plan WHERE client_id = ?", Long.class, client))
                .isEqualTo(2);
        // the redelivered discharge had one effect: still exactly one CLOSED event
        assertThat(awaitPlanUpdates(planId, 1)).hasSize(1);
    }

    @Autowired
    ReviewDueNotices notices;

    @Test
    void aDueReviewIsListedAndAnnouncedOncePerDueDate() {
        JsonNode plan = enrolledClientPlan();
        UUID planId = UUID.fromString(plan.get("id").asString());
        assertThat(http.postJson("/api/plans/" + planId + "/versions", CLINICIAN, version(0, "Initial plan", 10))
                        .status())
                .isEqualTo(201);
        assertThat(http.postJson("/api/plans/" + planId + "/activate", CLINICIAN, activation(1))
                        .status())
                .isEqualTo(200);
        // the review date has come and gone (test setup: the clock of the service is the real one)
        LocalDate due = LocalDate.now(java.time.ZoneId.of("America/New_York")).minusDays(1);
        jdbc.update("UPDATE treatment_plan SET next_review_due = ? WHERE id = ?", due, planId);

        notices.publishDue();
        notices.publishDue();

        Response list = http.get("/api/plans/reviews-due", TestTokens.bearer(StaffRole.CLINICAL_SUPERVISOR));
        assertThat(list.status()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode row : list.json()) {
            if (row.get("planId").asString().equals(planId.toString())) {
                mine = row;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("daysOverdue").asInt()).isEqualTo(1);
        List<PlanUpdated> published = awaitPlanUpdates(planId, 3);
        PlanUpdated reviewDue = published.get(2);
        assertThat(reviewDue.changeType()).isEqualTo(PlanChangeType.REVIEW_DUE);
        assertThat(reviewDue.reasonCodes()).containsExactly("SCHEDULED_REVIEW");
        assertThat(reviewDue.nextReviewDue()).isEqualTo(due);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM plan_review_notice WHERE plan_id = ?", Long.class, planId))
                .isEqualTo(1);
        assertThat(http.get("/api/plans/reviews-due", TestTokens.bearer(StaffRole.SCHEDULER))
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/plans/reviews-due", TestTokens.bearer(StaffRole.PROGRAM_ADMIN))
                        .status())
                .isEqualTo(403);
    }

    /** Waits until the plan's events on {@code plan-updated} number exactly {@code count}. */
    static List<PlanUpdated> awaitPlanUpdates(UUID planId, int count) {
        List<PlanUpdated> mine = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> reader = TestKafka.reader(Topics.PLAN_UPDATED)) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                TestKafka.poll(reader).stream()
                        .map(r -> TestKafka.read(r, PlanUpdated.class))
                        .filter(e -> e.planId().equals(planId))
                        .forEach(mine::add);
                assertThat(mine).hasSize(count);
            });
            // a short second look: nothing beyond the expected count arrives
            TestKafka.poll(reader).stream()
                    .map(r -> TestKafka.read(r, PlanUpdated.class))
                    .filter(e -> e.planId().equals(planId))
                    .forEach(mine::add);
        }
        assertThat(mine).hasSize(count);
        return mine;
    }
}
