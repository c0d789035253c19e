package org.iopcare.intake.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iopcare.testsupport.TestHttp.assertProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.InquiryReceived;
import org.iopcare.events.Topics;
import org.iopcare.intake.IntakeIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class InquiryIT extends IntakeIT {

    @Autowired
    JdbcTemplate jdbc;

    static String form(String phone, String email, String channel) {
        return """
                {"firstName":"Sam","lastName":"Rivera","phone":%s,"email":%s,
                 "preferredChannel":"%s","contactConsent":true,
                 "helpWith":"Feeling stuck lately","referralSource":"SELF"}
                """.formatted(quote(phone), quote(email), channel);
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static String uniquePhone() {
        return "+1617555" + String.format("%04d", (int) (Math.random() * 10_000));
    }

    @Test
    void storesTheInquiryAndPublishesItAfterCommit() {
        String email = "sam." + UUID.randomUUID() + "@example.org";
        try (KafkaConsumer<byte[], byte[]> reader = TestKafka.reader(Topics.INQUIRY_RECEIVED)) {
            Response created = http.postJson("/api/inquiries", null, form(uniquePhone(), email, "SMS"));

            assertThat(created.status()).isEqualTo(201);
            UUID id = UUID.fromString(created.json().get("id").asString());
            assertThat(created.headers().getLocation()).hasToString("/api/inquiries/" + id);
            assertThat(created.text()).doesNotContain("Rivera").doesNotContain(email);

            Response fetched = http.get("/api/inquiries/" + id, TestTokens.bearer(StaffRole.INTAKE_COORDINATOR));
            assertThat(fetched.status()).isEqualTo(200);
            JsonNode view = fetched.json();
            assertThat(view.get("status").asString()).isEqualTo("NEW");
            assertThat(view.get("email").asString()).isEqualTo(email);
            UUID clientId = UUID.fromString(view.get("clientId").asString());

            List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                seen.addAll(TestKafka.poll(reader));
                assertThat(seen)
                        .anySatisfy(record -> assertThat(TestKafka.read(record, InquiryReceived.class)
                                        .inquiryId())
                                .isEqualTo(id));
            });
            ConsumerRecord<byte[], byte[]> record = seen.stream()
                    .filter(r ->
                            TestKafka.read(r, InquiryReceived.class).inquiryId().equals(id))
                    .findFirst()
                    .orElseThrow();
            InquiryReceived event = TestKafka.read(record, InquiryReceived.class);
            assertThat(new String(record.key())).isEqualTo(clientId.toString());
            assertThat(TestKafka.header(record, "ce_id"))
                    .isEqualTo(event.eventId().toString());
            assertThat(TestKafka.header(record, "ce_type")).isEqualTo("org.iopcare.intake.inquiry-received.v1");
            assertThat(TestKafka.header(record, "ce_subject")).isEqualTo(clientId.toString());
            assertThat(TestKafka.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(event.email()).isEqualTo(email);
            assertThat(event.preferredChannel()).isEqualTo(ContactChannel.SMS);
            assertThat(event.duplicateOf()).isNull();
            assertThat(new String(record.value())).doesNotContain("Feeling stuck");
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event", Long.class))
                        .isZero());
    }

    @Test
    void aRepeatFromAKnownPhoneIsLinkedForReviewButNeverTakesThatPersonsClient() {
        String phone = uniquePhone();
        String theirEmail = "sam." + UUID.randomUUID() + "@example.org";
        String strangersEmail = "someone." + UUID.randomUUID() + "@example.org";
        String coordinator = TestTokens.bearer(StaffRole.INTAKE_COORDINATOR);
        try (KafkaConsumer<byte[], byte[]> reader = TestKafka.reader(Topics.INQUIRY_RECEIVED)) {
            UUID first = UUID.fromString(http.postJson("/api/inquiries", null, form(phone, theirEmail, "SMS"))
                    .json()
                    .get("id")
                    .asString());
            // anyone may post the form with someone else's phone number
            UUID second = UUID.fromString(http.postJson("/api/inquiries", null, form(phone, strangersEmail, "EMAIL"))
                    .json()
                    .get("id")
                    .asString());

            JsonNode original = http.get("/api/inquiries/" + first, coordinator).json();
            JsonNode repeat = http.get("/api/inquiries/" + second, coordinator).json();
            assertThat(repeat.get("duplicateOf").asString()).isEqualTo(first.toString());
            UUID theirClient = UUID.fromString(original.get("clientId").asString());
            UUID repeatClient = UUID.fromString(repeat.get("clientId").asString());
            assertThat(repeatClient).isNotEqualTo(theirClient);

            List<InquiryReceived> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                TestKafka.poll(reader).stream()
                        .map(r -> TestKafka.read(r, InquiryReceived.class))
                        .filter(e ->
                                e.inquiryId().equals(first) || e.inquiryId().equals(second))
                        .forEach(published::add);
                assertThat(published).hasSize(2);
            });
            // the stranger's email is never published under the earlier person's client id
            assertThat(published)
                    .filteredOn(e -> e.clientId().equals(theirClient))
                    .singleElement()
                    .satisfies(e -> assertThat(e.email()).isEqualTo(theirEmail));
            assertThat(published)
                    .filteredOn(e -> e.inquiryId().equals(second))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.clientId()).isEqualTo(repeatClient);
                        assertThat(e.duplicateOf()).isEqualTo(first);
                    });
        }
    }

    @Test
    void badInputGetsAProblemResponseAndStoresNothing() {
        long before = inquiries();

        Response malformed = http.postJson("/api/inquiries", null, "{\"firstName\": \"Sam\",");
        assertProblem(malformed, 400);

        Response wrongType = http.postJson(
                "/api/inquiries", null, form(uniquePhone(), null, "SMS").replace("true", "\"maybe\""));
        assertProblem(wrongType, 400);
        assertThat(wrongType.json().get("detail").asString()).contains("contactConsent");

        Response unknownChannel = http.postJson("/api/inquiries", null, form(uniquePhone(), null, "PIGEON"));
        assertProblem(unknownChannel, 400);

        Response missing = http.postJson("/api/inquiries", null, "{}");
        assertProblem(missing, 400);
        assertThat(fields(missing))
                .contains("firstName", "lastName", "preferredChannel", "contactConsent", "referralSource");

        Response badPhone = http.postJson("/api/inquiries", null, form("617-555-0100", null, "SMS"));
        assertProblem(badPhone, 400);
        assertThat(fields(badPhone)).containsExactly("phone");
        assertThat(badPhone.text()).doesNotContain("617-555-0100");

        Response badEmail = http.postJson("/api/inquiries", null, form(null, "not-an-email", "EMAIL"));
        assertThat(fields(badEmail)).containsExactly("email");

        Response noContact = http.postJson("/api/inquiries", null, form(null, null, "SMS"));
        assertThat(fields(noContact)).contains("contactGiven");

        Response unreachable = http.postJson("/api/inquiries", null, form(null, "a@example.org", "SMS"));
        assertThat(fields(unreachable)).containsExactly("preferredChannelReachable");

        Response noConsent = http.postJson(
                "/api/inquiries", null, form(uniquePhone(), null, "SMS").replace("true", "false"));
        assertThat(fields(noConsent)).containsExactly("contactConsent");

        Response tooLong = http.postJson(
                "/api/inquiries",
                null,
                form(uniquePhone(), null, "SMS").replace("Feeling stuck lately", "x".repeat(2001)));
        assertThat(fields(tooLong)).containsExactly("helpWith");

        Response notJson = http.exchange(HttpMethod.POST, "/api/inquiries", null, MediaType.TEXT_PLAIN, "hello");
        assertProblem(notJson, 415);

        assertThat(inquiries()).isEqualTo(before);
    }

    @Test
    void staffEndpointsNeedAStaffTokenWithAnAllowedRole() {
        assertProblem(http.get("/api/inquiries", null), 401);
        assertProblem(http.get("/api/inquiries", "Bearer not-a-token"), 401);
        assertProblem(http.get("/api/inquiries", TestTokens.foreignBearer(StaffRole.PROGRAM_ADMIN)), 401);
        assertProblem(http.get("/api/inquiries", TestTokens.bearer(StaffRole.SCHEDULER)), 403);
        assertThat(http.get("/api/inquiries?status=NEW", TestTokens.bearer(StaffRole.CLINICIAN))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void unknownThingsAreProblemsToo() {
        String token = TestTokens.bearer(StaffRole.PROGRAM_ADMIN);
        assertProblem(http.get("/api/inquiries/" + UUID.randomUUID(), token), 404);
        assertProblem(http.get("/api/inquiries/not-a-uuid", token), 400);
        assertProblem(http.get("/api/inquiries?status=LOST", token), 400);
        assertProblem(http.get("/api/nothing-here", token), 404);
        assertProblem(http.getVerbatim("/api//inquiries", token), 400);
        assertProblem(http.getVerbatim("/api/inquiries/%2e%2e/secrets", token), 400);
        assertProblem(http.exchange(HttpMethod.DELETE, "/api/inquiries", token, null, null), 405);
        assertProblem(http.postJson("/dev/tokens", null, "{\"subject\":\"x\",\"roles\":[\"CLINICIAN\"]}"), 404);
    }

    @Test
    void auditsEveryStaffReadAppendOnly() {
        UUID id = UUID.fromString(http.postJson("/api/inquiries", null, form(uniquePhone(), null, "SMS"))
                .json()
                .get("id")
                .asString());
        http.get("/api/inquiries/" + id, TestTokens.bearer(StaffRole.CLINICIAN));

        List<String> trail = jdbc.queryForList(
                "SELECT actor || ' ' || action || ' ' || path_pattern || ' ' || status FROM audit_entry WHERE path_ids = ?",
                String.class,
                "id=" + id);
        assertThat(trail).containsExactly("staff-test READ /api/inquiries/{id} 200");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE actor = 'anonymousUser'", Long.class))
                .isZero();
        // the service's own role may only read and append (AuditRolesIT: not even the owner may delete)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_log"))
                .hasRootCauseMessage("ERROR: permission denied for table audit_log");
    }

    @Test
    void servesHealthAndTheApiDescription() {
        assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        Response docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/inquiries")).isTrue();
    }

    private long inquiries() {
        return jdbc.queryForObject("SELECT count(*) FROM inquiry", Long.class);
    }

    private static List<String> fields(Response response) {
        assertProblem(response, 400);
        List<String> fields = new ArrayList<>();
        response.json()
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
