package org.iopcare.intake.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.LevelOfCare;
import org.iopcare.events.ScreeningCompleted;
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

class ScreeningIT extends IntakeIT {

    static final String CLINICIAN = TestTokens.bearer(StaffRole.CLINICIAN);
    static final String COORDINATOR = TestTokens.bearer(StaffRole.INTAKE_COORDINATOR);

    @Autowired
    JdbcTemplate jdbc;

    /** A screening that the shipped table turns into IOP (DEPRESSION_MODERATE), PHQ-9 item 9 as given. */
    public static String iopScreening(int item9) {
        return """
                {"ratings":{"withdrawal":1,"biomedical":0,"emotional":1,"readiness":1,"relapse":1,"environment":1},
                 "phq9":[2,2,1,1,1,1,1,1,%d],"gad7":[1,1,1,0,0,0,0],
                 "currentCare":"NONE","recentRelapse":false,"coOccurringDisorders":false,
                 "safety":{"suicidalIntent":false,"recentSuicideAttempt":false,"homicidalIdeation":false}}
                """.formatted(item9);
    }

    /** A new inquiry moved to CONTACTED by a coordinator; returns its id. */
    public UUID contactedInquiry() {
        String phone = "+1617555" + String.format("%04d", (int) (Math.random() * 10_000));
        Response created = http.postJson("/api/inquiries", null, """
                {"firstName":"Sam","lastName":"Rivera","phone":"%s","preferredChannel":"SMS",
                 "contactConsent":true,"referralSource":"SELF"}
                """.formatted(phone));
        UUID id = UUID.fromString(created.json().get("id").asString());
        assertThat(send("PATCH", "/api/inquiries/" + id, COORDINATOR, "{\"status\":\"CONTACTED\"}")
                        .status())
                .isEqualTo(200);
        return id;
    }

    @Test
    void screeningScoresRecommendsFlagsAndPublishesWithoutAnswersOrScores() {
        UUID inquiry = contactedInquiry();
        try (KafkaConsumer<byte[], byte[]> reader = TestKafka.reader(Topics.SCREENING_COMPLETED)) {
            Response created = http.postJson("/api/inquiries/" + inquiry + "/screenings", CLINICIAN, iopScreening(1));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            JsonNode screening = created.json();
            UUID id = UUID.fromString(screening.get("id").asString());
            assertThat(created.headers().getLocation()).hasToString("/api/screenings/" + id);
            assertThat(screening.get("phq9Score").asInt()).isEqualTo(11);
            assertThat(screening.get("phq9Band").asString()).isEqualTo("MODERATE");
            assertThat(screening.get("gad7Score").asInt()).isEqualTo(3);
            assertThat(screening.get("gad7Band").asString()).isEqualTo("MINIMAL");
            assertThat(screening.get("recommendedLevel").asString()).isEqualTo("IOP");
            assertThat(screening.get("decidedLevel").asString()).isEqualTo("IOP");
            assertThat(screening.get("urgent").asBoolean()).isTrue();
            assertThat(http.get("/api/inquiries/" + inquiry, COORDINATOR)
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("SCREENING");

            // Override needs a written reason; both values are kept.
            assertThat(http.postJson("/api/screenings/" + id + "/override", CLINICIAN, "{\"level\":\"PHP\"}")
                            .status())
                    .isEqualTo(400);
            Response overridden = http.postJson(
                    "/api/screenings/" + id + "/override",
                    TestTokens.bearer(StaffRole.CLINICAL_SUPERVISOR),
                    "{\"level\":\"PHP\",\"reason\":\"Lives alone, needs daily structure\"}");
            assertThat(overridden.status()).as(overridden.text()).isEqualTo(200);
            JsonNode read = http.get("/api/screenings/" + id, CLINICIAN).json();
            assertThat(read.get("recommendedLevel").asString()).isEqualTo("IOP");
            assertThat(read.get("decidedLevel").asString()).isEqualTo("PHP");
            assertThat(read.get("overrideReason").asString()).isEqualTo("Lives alone, needs daily structure");

            UUID clientId = UUID.fromString(screening.get("clientId").asString());
            List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                seen.addAll(TestKafka.poll(reader));
                assertThat(mine(seen, id)).hasSize(2);
            });
            List<ConsumerRecord<byte[], byte[]>> records = mine(seen, id);
            ScreeningCompleted first = TestKafka.read(records.get(0), ScreeningCompleted.class);
            ScreeningCompleted second = TestKafka.read(records.get(1), ScreeningCompleted.class);
            assertThat(first.decidedLevel()).isEqualTo(LevelOfCare.IOP);
            assertThat(first.reasonCodes()).containsExactly("DEPRESSION_MODERATE");
            assertThat(first.urgent()).isTrue();
            assertThat(second.recommendedLevel()).isEqualTo(LevelOfCare.IOP);
            assertThat(second.decidedLevel()).isEqualTo(LevelOfCare.PHP);
            assertThat(records).allSatisfy(r -> {
                assertThat(new String(r.key())).isEqualTo(clientId.toString());
                String value = new String(r.value());
                assertThat(value).doesNotContain("phq9").doesNotContain("Score").doesNotContain("Lives alone");
            });
        }
    }

    @Test
    void badScreeningsAreRefusedAndStoreNothing() {
        UUID inquiry = contactedInquiry();
        long before = jdbc.queryForObject("SELECT count(*) FROM screening", Long.class);
        String path = "/api/inquiries/" + inquiry + "/screenings";
        assertThat(http.postJson(path, CLINICIAN, iopScreening(4)).status()).isEqualTo(400);
        assertThat(http.postJson(path, CLINICIAN, iopScreening(1).replace("[2,2,1,", "[2,1,"))
                        .status())
                .isEqualTo(400);
        assertThat(http.postJson(path, CLINICIAN, iopScreening(1).replace("\"withdrawal\":1", "\"withdrawal\":5"))
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("ratings.withdrawal");
        assertThat(http.postJson(path, CLINICIAN, iopScreening(1).replace("\"NONE\"", "\"SPA\""))
                        .status())
                .isEqualTo(400);
        assertThat(http.postJson(path, CLINICIAN, "{}").status()).isEqualTo(400);
        assertThat(http.postJson("/api/inquiries/" + UUID.randomUUID() + "/screenings", CLINICIAN, iopScreening(0))
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM screening", Long.class))
                .isEqualTo(before);
    }

    @Test
    void aNewInquiryCannotBeScreenedAndOnlyClinicalStaffScreenAndOverride() {
        Response created = http.postJson("/api/inquiries", null, """
                {"firstName":"Ana","lastName":"Lee","email":"ana.%s@example.org","preferredChannel":"EMAIL",
                 "contactConsent":true,"referralSource":"SELF"}
                """.formatted(UUID.randomUUID()));
        UUID fresh = UUID.fromString(created.json().get("id").asString());
        assertThat(http.postJson("/api/inquiries/" + fresh + "/screenings", CLINICIAN, iopScreening(0))
                        .status())
                .isEqualTo(409);

        UUID inquiry = contactedInquiry();
        assertThat(http.postJson("/api/inquiries/" + inquiry + "/screenings", COORDINATOR, iopScreening(0))
                        .status())
                .isEqualTo(403);
        UUID id = UUID.fromString(http.postJson("/api/inquiries/" + inquiry + "/screenings", CLINICIAN, iopScreening(0))
                .json()
                .get("id")
                .asString());
        // coordinators see the results they enroll by, not the answers
        Response results = http.get("/api/screenings/" + id, COORDINATOR);
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.json().get("phq9Score").isNumber()).isTrue();
        assertThat(results.json().path("phq9").isArray()).isFalse();
        assertThat(results.json().path("safety").isObject()).isFalse();
        assertThat(http.get("/api/screenings/" + id, TestTokens.bearer(StaffRole.SCHEDULER))
                        .status())
                .isEqualTo(403);
        assertThat(http.postJson(
                                "/api/screenings/" + id + "/override",
                                COORDINATOR,
                                "{\"level\":\"IOP\",\"reason\":\"Coordinator thinks so\"}")
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/screenings/" + UUID.randomUUID(), CLINICIAN).status())
                .isEqualTo(404);
        assertThat(jdbc.queryForList(
                        "SELECT action || ' ' || path_pattern || ' ' || status FROM audit_entry WHERE path_ids = ?"
                                + " ORDER BY id",
                        String.class,
                        "id=" + id))
                .containsExactly(
                        "READ /api/screenings/{id} 200",
                        "READ /api/screenings/{id} 403",
                        "CREATE /api/screenings/{id}/override 403");
    }

    private static List<ConsumerRecord<byte[], byte[]>> mine(List<ConsumerRecord<byte[], byte[]>> seen, UUID id) {
        return seen.stream()
                .filter(r -> TestKafka.read(r, ScreeningCompleted.class)
                        .screeningId()
                        .equals(id))
                .toList();
    }
}
