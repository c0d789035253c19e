package org.iopcare.treatmentplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iopcare.testsupport.TestHttp.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.CloudEventHeaders;
import org.iopcare.events.EventType;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class PlanIT extends TreatmentPlanIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String DEAD_LETTERS = "error." + Topics.ENROLLED + ".treatment-plan-service";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;

    static ClientEnrolled enrolled(UUID clientId, LocalDate start, String clinician) {
        return new ClientEnrolled(
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                clientId,
                UUID.randomUUID(),
                "SUD-IOP-PM",
                start,
                clinician,
                AgeGroup.ADULT,
                "America/Chicago",
                "Sam",
                "+16175550100",
                null,
                true,
                false);
    }

    @Test
    void opensADraftPlanWhenAClientIsEnrolled() {
        ClientEnrolled event = enrolled(UUID.randomUUID(), LocalDate.of(2026, 3, 9), "clin-ada");
        Instant before = Instant.now();

        TestKafka.publish(event);

        JsonNode plan = awaitPlan(event.clientId());
        assertThat(plan.get("status").asString()).isEqualTo("DRAFT");
        assertThat(plan.get("clientId").asString()).isEqualTo(event.clientId().toString());
        assertThat(plan.get("enrollmentId").asString())
                .isEqualTo(event.enrollmentId().toString());
        assertThat(plan.get("primaryClinicianId").asString()).isEqualTo("clin-ada");
        assertThat(plan.get("startDate").asString()).isEqualTo("2026-03-09");
        assertThat(plan.get("nextReviewDue").asString()).isEqualTo("2026-03-23");
        assertThat(Instant.parse(plan.get("openedAt").asString()))
                .isAfterOrEqualTo(before.truncatedTo(ChronoUnit.SECONDS));
        assertThat(plan.toString()).doesNotContain("+16175550100").doesNotContain("SUD-IOP-PM");
    }

    @Test
    void theSameEventDeliveredThreeTimesOpensOnePlan() {
        UUID client = UUID.randomUUID();
        ClientEnrolled original = enrolled(client, LocalDate.of(2026, 3, 9), "clin-ada");
        ClientEnrolled later = enrolled(client, LocalDate.of(2026, 3, 16), "clin-bo");

        TestKafka.publish(original);
        TestKafka.publish(original);
        TestKafka.publish(original);
        // Same key, same partition: once this one is claimed, every copy before it was handled.
        TestKafka.publish(later);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                rows("SELECT count(*) FROM processed_event WHERE event_id = ?", later.eventId()))
                        .isOne());
        assertThat(rows("SELECT count(*) FROM treatment_plan WHERE client_id = ?", client))
                .isOne();
        assertThat(rows("SELECT version FROM treatment_plan WHERE client_id = ?", client))
                .isZero();
        assertThat(rows("SELECT count(*) FROM processed_event WHERE event_id = ?", original.eventId()))
                .isOne();
        // a later enrollment leaves the clinicians' plan as it was
        JsonNode plan = awaitPlan(client);
        assertThat(plan.get("enrollmentId").asString())
                .isEqualTo(original.enrollmentId().toString());
        assertThat(plan.get("primaryClinicianId").asString()).isEqualTo("clin-ada");
    }

    @Test
    void deadLettersAnEventItCannotOpenAPlanFromAndKeepsConsuming() {
        UUID client = UUID.randomUUID();
        ClientEnrolled incomplete = enrolled(client, LocalDate.of(2026, 3, 9), "clin-ada");
        ObjectNode withoutStart = JSON.valueToTree(incomplete);
        withoutStart.remove("startDate");

        try (KafkaConsumer<byte[], byte[]> deadLetters = TestKafka.reader(DEAD_LETTERS)) {
            TestKafka.publishRaw(
                    EventType.CLIENT_ENROLLED_V1, incomplete.eventId(), client, JSON.writeValueAsBytes(withoutStart));
            ClientEnrolled valid = enrolled(client, LocalDate.of(2026, 3, 10), "clin-ada");
            TestKafka.publish(valid);

            JsonNode plan = awaitPlan(client);
            assertThat(plan.get("enrollmentId").asString())
                    .isEqualTo(valid.enrollmentId().toString());
            List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                dead.addAll(TestKafka.poll(deadLetters));
                assertThat(dead).hasSize(1);
            });
            assertThat(TestKafka.header(dead.get(0), CloudEventHeaders.ID))
                    .isEqualTo(incomplete.eventId().toString());
        }
        assertThat(rows("SELECT count(*) FROM processed_event WHERE event_id = ?", incomplete.eventId()))
                .isZero();
    }

    @Test
    void onlyClinicalStaffMayReadPlans() {
        String path = "/api/clients/" + UUID.randomUUID() + "/plan";
        assertProblem(http.get(path, null), 401);
        assertProblem(http.get(path, "Bearer not-a-token"), 401);
        assertProblem(http.get(path, TestTokens.foreignBearer(StaffRole.CLINICIAN)), 401);
        assertProblem(http.get(path, TestTokens.bearer(StaffRole.SCHEDULER)), 403);
        assertProblem(http.get(path, TestTokens.bearer(StaffRole.INTAKE_COORDINATOR)), 403);
        // plans are clinical content: no administrator reads them
        assertProblem(http.get(path, TestTokens.bearer(StaffRole.PROGRAM_ADMIN)), 403);
        assertProblem(http.get(path, TestTokens.bearer(StaffRole.PRIVACY_OFFICER)), 403);
        for (StaffRole allowed : List.of(StaffRole.CLINICIAN, StaffRole.CLINICAL_SUPERVISOR)) {
            assertProblem(http.get(path, TestTokens.bearer(allowed)), 404);
        }
    }

    @Test
    void unknownClientsAndMalformedIdsAreProblems() {
        String token = TestTokens.bearer(StaffRole.CLINICIAN);
        Response unknown = http.get("/api/clients/" + UUID.randomUUID() + "/plan", token);
        assertProblem(unknown, 404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("https://iopcare.org/problems/not-found");
        Response malformed = http.get("/api/clients/42/plan", token);
        assertProblem(malformed, 400);
        assertThat(malformed.json().get("errors").get(0).get("field").asString())
                .isEqualTo("id");
    }

    @Test
    void servesHealthAndTheApiDescription() {
        assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        Response docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/clients/{id}/plan")).isTrue();
    }

    private JsonNode awaitPlan(UUID client) {
        // these tests are about enrollment: the supervisor sees every client's plan
        String token = TestTokens.bearer(StaffRole.CLINICAL_SUPERVISOR);
        List<JsonNode> seen = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            Response response = http.get("/api/clients/" + client + "/plan", token);
            assertThat(response.status()).isEqualTo(200);
            seen.add(response.json());
        });
        return seen.get(seen.size() - 1);
    }

    private long rows(String sql, UUID id) {
        return jdbc.queryForObject(sql, Long.class, id);
    }
}
