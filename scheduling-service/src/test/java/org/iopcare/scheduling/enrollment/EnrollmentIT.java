package org.iopcare.scheduling.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iopcare.testsupport.TestHttp.assertProblem;

import java.nio.charset.StandardCharsets;
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
import org.iopcare.scheduling.SchedulingIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EnrollmentIT extends SchedulingIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String DEAD_LETTERS = "error." + Topics.ENROLLED + ".scheduling-service";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;

    static ClientEnrolled enrolled(UUID clientId, String track, LocalDate start, Instant occurredAt) {
        return new ClientEnrolled(
                UUID.randomUUID(),
                occurredAt,
                clientId,
                UUID.randomUUID(),
                track,
                start,
                "clin-ada",
                AgeGroup.ADOLESCENT,
                "America/New_York",
                "Sam",
                "+16175550100",
                "sam@example.org",
                true,
                true);
    }

    static ClientEnrolled enrolled(UUID clientId) {
        return enrolled(
                clientId, "MH-IOP-AM", LocalDate.of(2026, 3, 9), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void recordsTheClientsEnrollmentFromTheEnrolledEvent() {
        ClientEnrolled event = enrolled(UUID.randomUUID());

        TestKafka.publish(event);

        JsonNode view = awaitEnrollment(event.clientId(), event.enrollmentId());
        assertThat(view.get("clientId").asString()).isEqualTo(event.clientId().toString());
        assertThat(view.get("trackCode").asString()).isEqualTo("MH-IOP-AM");
        assertThat(view.get("startDate").asString()).isEqualTo("2026-03-09");
        assertThat(view.get("primaryClinicianId").asString()).isEqualTo("clin-ada");
        assertThat(view.get("ageGroup").asString()).isEqualTo("ADOLESCENT");
        assertThat(view.get("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(Instant.parse(view.get("enrolledAt").asString())).isEqualTo(event.occurredAt());
        // scheduling keeps what it schedules with; contact details are notification-service's
        assertThat(view.toString()).doesNotContain("+16175550100").doesNotContain("sam@example.org");
    }

    @Test
    void theSameEventDeliveredThreeTimesHasOneEffectAndALaterEnrollmentReplacesIt() {
        UUID client = UUID.randomUUID();
        Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ClientEnrolled original = enrolled(client, "MH-IOP-AM", LocalDate.of(2026, 3, 9), first);
        ClientEnrolled moved = enrolled(client, "SUD-IOP-PM", LocalDate.of(2026, 3, 17), first.plusSeconds(60));

        TestKafka.publish(original);
        TestKafka.publish(original);
        TestKafka.publish(original);
        // Same key, same partition: once the later event shows, every copy before it was handled.
        TestKafka.publish(moved);

        JsonNode view = awaitEnrollment(client, moved.enrollmentId());
        assertThat(view.get("trackCode").asString()).isEqualTo("SUD-IOP-PM");
        assertThat(view.get("startDate").asString()).isEqualTo("2026-03-17");
        assertThat(rows("SELECT count(*) FROM client_enrollment WHERE client_id = ?", client))
                .isOne();
        // inserted once, updated once: a re-applied copy would have moved the version further
        assertThat(rows("SELECT version FROM client_enrollment WHERE client_id = ?", client))
                .isOne();
        assertThat(rows("SELECT count(*) FROM processed_event WHERE event_id = ?", original.eventId()))
                .isOne();
    }

    @Test
    void deadLettersWhatItCannotReadAndKeepsConsuming() {
        UUID client = UUID.randomUUID();
        ClientEnrolled incomplete = enrolled(client);
        ObjectNode withoutTrack = JSON.valueToTree(incomplete);
        withoutTrack.remove("trackCode");

        try (KafkaConsumer<byte[], byte[]> deadLetters = TestKafka.reader(DEAD_LETTERS)) {
            TestKafka.publishRaw(
                    EventType.CLIENT_ENROLLED_V1,
                    UUID.randomUUID(),
                    client,
                    "{\"eventId\": ".getBytes(StandardCharsets.UTF_8));
            TestKafka.publishRaw(
                    EventType.CLIENT_ENROLLED_V1, incomplete.eventId(), client, JSON.writeValueAsBytes(withoutTrack));
            ClientEnrolled valid = enrolled(client);
            TestKafka.publish(valid);

            awaitEnrollment(client, valid.enrollmentId());
            List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                dead.addAll(TestKafka.poll(deadLetters));
                assertThat(dead).hasSize(2);
            });
            assertThat(dead)
                    .allSatisfy(record -> assertThat(new String(record.key())).isEqualTo(client.toString()));
            assertThat(TestKafka.header(dead.get(1), CloudEventHeaders.ID))
                    .isEqualTo(incomplete.eventId().toString());
        }
        assertThat(rows("SELECT count(*) FROM processed_event WHERE event_id = ?", incomplete.eventId()))
                .isZero();
    }

    @Test
    void readsEventsThatANewerProducerAddedFieldsTo() {
        ClientEnrolled event = enrolled(UUID.randomUUID());
        ObjectNode newer = JSON.valueToTree(event);
        newer.put("programLanguage", "es");

        TestKafka.publishRaw(
                EventType.CLIENT_ENROLLED_V1, event.eventId(), event.clientId(), JSON.writeValueAsBytes(newer));

        awaitEnrollment(event.clientId(), event.enrollmentId());
    }

    @Test
    void staffNeedATokenWithASchedulingOrClinicalRole() {
        String path = "/api/clients/" + UUID.randomUUID() + "/enrollment";
        assertProblem(http.get(path, null), 401);
        assertProblem(http.get(path, "Bearer not-a-token"), 401);
        assertProblem(http.get(path, TestTokens.foreignBearer(StaffRole.SCHEDULER)), 401);
        assertProblem(http.get(path, TestTokens.bearer(StaffRole.INTAKE_COORDINATOR)), 403);
        for (StaffRole allowed : List.of(
                StaffRole.SCHEDULER, StaffRole.CLINICIAN, StaffRole.CLINICAL_SUPERVISOR, StaffRole.PROGRAM_ADMIN)) {
            assertProblem(http.get(path, TestTokens.bearer(allowed)), 404);
        }
    }

    @Test
    void unknownClientsAndMalformedIdsAreProblems() {
        String token = TestTokens.bearer(StaffRole.SCHEDULER);
        Response unknown = http.get("/api/clients/" + UUID.randomUUID() + "/enrollment", token);
        assertProblem(unknown, 404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("https://iopcare.org/problems/not-found");
        Response malformed = http.get("/api/clients/not-a-uuid/enrollment", token);
        assertProblem(malformed, 400);
        assertThat(malformed.json().get("detail").asString()).doesNotContain("not-a-uuid");
    }

    @Test
    void servesHealthAndTheApiDescription() {
        assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        Response docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/clients/{id}/enrollment")).isTrue();
    }

    private JsonNode awaitEnrollment(UUID client, UUID enrollmentId) {
        String token = TestTokens.bearer(StaffRole.SCHEDULER);
        List<JsonNode> seen = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            Response response = http.get("/api/clients/" + client + "/enrollment", token);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("enrollmentId").asString()).isEqualTo(enrollmentId.toString());
            seen.add(response.json());
        });
        return seen.get(seen.size() - 1);
    }

    private long rows(String sql, UUID id) {
        return jdbc.queryForObject(sql, Long.class, id);
    }
}
