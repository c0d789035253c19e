package org.iopcare.intake.careteam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.iopcare.testsupport.TestHttp.assertProblem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.EmergencyAccessGranted;
import org.iopcare.events.Topics;
import org.iopcare.intake.IntakeIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Care teams and break-glass: who the record opens to, what is published, what is kept and audited. */
class CareTeamIT extends IntakeIT {

    static final String REASON = "Client called in crisis; the primary clinician is away today";

    @Autowired
    JdbcTemplate jdbc;

    static String clinician(String subject) {
        return TestTokens.bearerFor(subject, StaffRole.CLINICIAN);
    }

    @Test
    void reassigningThePrimaryClinicianMovesTheRecordAndPublishesTheWholeTeam() {
        String first = "clin-" + UUID.randomUUID();
        String next = "clin-" + UUID.randomUUID();
        String caseManager = "cm-" + UUID.randomUUID();
        UUID client = enrolled(first).client();
        assertThat(http.get("/api/clients/" + client, clinician(first)).status())
                .isEqualTo(200);
        assertProblem(http.get("/api/clients/" + client, clinician(next)), 404);

        try (KafkaConsumer<byte[], byte[]> changes = TestKafka.reader(Topics.CARE_TEAM_CHANGED)) {
            Response changed = send(
                    "PUT",
                    "/api/clients/" + client + "/care-team",
                    TestTokens.bearerFor("admin-pat", StaffRole.PROGRAM_ADMIN),
                    """
                    {"primaryClinicianId":"%s","members":[{"staffId":"%s","role":"CASE_MANAGER"}]}
                    """.formatted(next, caseManager));
            assertThat(changed.status()).as(changed.text()).isEqualTo(200);
            assertThat(changed.json().get("primaryClinicianId").asString()).isEqualTo(next);
            JsonNode members = changed.json().get("members");
            assertThat(members).hasSize(2);
            assertThat(members.get(1).get("staffId").asString()).isEqualTo(caseManager);
            assertThat(members.get(1).get("role").asString()).isEqualTo("CASE_MANAGER");
            assertThat(members.get(1).get("addedBy").asString()).isEqualTo("admin-pat");

            CareTeamChanged published = awaitOne(
                    changes,
                    client,
                    r -> TestKafka.read(r, CareTeamChanged.class),
                    e -> e.primaryClinicianId().equals(next));
            assertThat(published.memberIds()).containsExactlyInAnyOrder(next, caseManager);
        }
        assertProblem(http.get("/api/clients/" + client, clinician(first)), 404);
        assertThat(http.get("/api/clients/" + client, clinician(next)).status()).isEqualTo(200);
        assertThat(http.get("/api/clients/" + client + "/care-team", clinician(next))
                        .json()
                        .get("members")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void anInvalidTeamIsAProblemAndChangesNothing() {
        String clinician = "clin-" + UUID.randomUUID();
        UUID client = enrolled(clinician).client();
        String path = "/api/clients/" + client + "/care-team";
        String before = team(client);
        assertProblem(
                send(
                        "PUT",
                        path,
                        COORDINATOR,
                        "{\"primaryClinicianId\":\"%s\",\"members\":[{\"staffId\":\"cm-1\",\"role\":\"CASE_MANAGER\"},{\"staffId\":\"cm-1\",\"role\":\"PEER_SUPPORT\"}]}"
                                .formatted(clinician)),
                422);
        assertProblem(
                send(
                        "PUT",
                        path,
                        COORDINATOR,
                        "{\"primaryClinicianId\":\"%s\",\"members\":[{\"staffId\":\"x\",\"role\":\"PRIMARY_CLINICIAN\"}]}"
                                .formatted(clinician)),
                422);
        assertProblem(send("PUT", path, COORDINATOR, "{\"primaryClinicianId\":\"a b\",\"members\":[]}"), 400);
        assertProblem(send("PUT", path, COORDINATOR, "{\"primaryClinicianId\":\"\\u0007\",\"members\":[]}"), 400);
        assertProblem(send("PUT", path, COORDINATOR, "{\"members\":[]}"), 400);
        assertProblem(
                send(
                        "PUT",
                        path,
                        COORDINATOR,
                        "{\"primaryClinicianId\":\"c\",\"members\":[{\"staffId\":\"m\",\"role\":\"BOSS\"}]}"),
                400);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("{\"staffId\":\"m").append(i).append("\",\"role\":\"CLINICIAN\"}");
        }
        assertProblem(send("PUT", path, COORDINATOR, "{\"primaryClinicianId\":\"c\",\"members\":[" + many + "]}"), 400);
        assertThat(team(client)).isEqualTo(before);
        assertProblem(
                send(
                        "PUT",
                        "/api/clients/" + UUID.randomUUID() + "/care-team",
                        COORDINATOR,
                        "{\"primaryClinicianId\":\"c\",\"members\":[]}"),
                404);
    }

    @Test
    void breakGlassOpensTheRecordUntilItExpiresKeepsTheReasonAuditsTheGrantAndIsPublished() {
        String primary = "clin-" + UUID.randomUUID();
        String covering = "clin-" + UUID.randomUUID();
        UUID client = enrolled(primary).client();
        String path = "/api/clients/" + client + "/emergency-access";
        assertProblem(http.get("/api/clients/" + client, clinician(covering)), 404);

        assertProblem(http.postJson(path, clinician(covering), "{\"reason\":\"urgent\"}"), 400);
        assertProblem(http.postJson(path, clinician(primary), "{\"reason\":\"" + REASON + "\"}"), 409);
        assertProblem(
                http.postJson(
                        path,
                        TestTokens.bearerFor("sup-1", StaffRole.CLINICAL_SUPERVISOR),
                        "{\"reason\":\"" + REASON + "\"}"),
                403);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM emergency_access_grant WHERE client_id = ?", Long.class, client))
                .isZero();

        try (KafkaConsumer<byte[], byte[]> grants = TestKafka.reader(Topics.EMERGENCY_ACCESS_GRANTED)) {
            Response granted = http.postJson(path, clinician(covering), "{\"reason\":\"" + REASON + "\"}");
            assertThat(granted.status()).as(granted.text()).isEqualTo(201);
            UUID grant = UUID.fromString(granted.json().get("grantId").asString());
            Instant expires = Instant.parse(granted.json().get("expiresAt").asString());
            assertThat(expires).isCloseTo(Instant.now().plus(Duration.ofHours(4)), within(1, ChronoUnit.MINUTES));
            assertThat(jdbc.queryForObject(
                            "SELECT reason FROM emergency_access_grant WHERE id = ? AND staff_id = ?",
                            String.class,
                            grant,
                            covering))
                    .isEqualTo(REASON);

            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            EmergencyAccessGranted published = awaitOne(
                    grants,
                    client,
                    r -> {
                        records.add(r);
                        return TestKafka.read(r, EmergencyAccessGranted.class);
                    },
                    e -> e.grantId().equals(grant));
            assertThat(published.staffId()).isEqualTo(covering);
            assertThat(published.expiresAt()).isEqualTo(expires);
            assertThat(records)
                    .noneSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                            .contains("crisis"));

            Response record = http.get("/api/clients/" + client, clinician(covering));
            assertThat(record.status()).as(record.text()).isEqualTo(200);
            assertThat(jdbc.queryForObject("""
                            SELECT count(*) FROM audit_entry
                            WHERE actor = ? AND path_pattern = '/api/clients/{id}' AND http_method = 'GET'
                              AND access_basis = 'EMERGENCY' AND grant_id = ? AND ? = ANY(client_ids)
                            """, Long.class, covering, grant, client))
                    .isEqualTo(1L);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM audit_entry WHERE actor = ? AND grant_id = ? AND http_method = 'POST'",
                            Long.class,
                            covering,
                            grant))
                    .isEqualTo(1L);
        }
        // the supervisors' review lists the grant with its reason; a clinician cannot read it
        String supervisor = TestTokens.bearerFor("sup-review", StaffRole.CLINICAL_SUPERVISOR);
        Response review = http.get("/api/emergency-access", supervisor);
        assertThat(review.status()).as(review.text()).isEqualTo(200);
        List<JsonNode> mine = new ArrayList<>();
        review.json().forEach(g -> {
            if (g.get("clientId").asString().equals(client.toString())) {
                mine.add(g);
            }
        });
        assertThat(mine).singleElement().satisfies(g -> {
            assertThat(g.get("staffId").asString()).isEqualTo(covering);
            assertThat(g.get("reason").asString()).isEqualTo(REASON);
        });
        assertProblem(http.get("/api/emergency-access", clinician(covering)), 403);
        assertProblem(http.get("/api/emergency-access?from=2026-03-02&to=2026-03-01", supervisor), 422);
        assertProblem(http.get("/api/emergency-access?from=yesterday", supervisor), 400);
        assertProblem(http.get("/api/emergency-access?size=0", supervisor), 400);
        // another clinician without a grant still sees nothing
        assertProblem(http.get("/api/clients/" + client, clinician("clin-" + UUID.randomUUID())), 404);
    }

    @Test
    void theStaffDirectoryListsWhoTheServiceKnows() {
        String subject = "clin-" + UUID.randomUUID();
        Response staff = http.get("/api/staff", clinician(subject));
        assertThat(staff.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        staff.json().forEach(member -> ids.add(member.get("id").asString()));
        assertThat(ids).contains(subject);
        staff.json().forEach(member -> assertThat(member.has("email")).isFalse());
        assertProblem(http.get("/api/staff", null), 401);
    }

    private String team(UUID client) {
        return jdbc.queryForObject(
                "SELECT coalesce(string_agg(staff_id || ':' || team_role, ',' ORDER BY staff_id), '') "
                        + "FROM care_team WHERE client_id = ?",
                String.class,
                client);
    }

    private static <T> T awaitOne(
            KafkaConsumer<byte[], byte[]> reader,
            UUID clientId,
            java.util.function.Function<ConsumerRecord<byte[], byte[]>, T> read,
            Predicate<T> wanted) {
        List<T> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (ConsumerRecord<byte[], byte[]> r : TestKafka.poll(reader)) {
                if (new String(r.key(), StandardCharsets.UTF_8).equals(clientId.toString())) {
                    T event = read.apply(r);
                    if (wanted.test(event)) {
                        found.add(event);
                    }
                }
            }
            assertThat(found).hasSize(1);
        });
        return found.get(0);
    }
}
