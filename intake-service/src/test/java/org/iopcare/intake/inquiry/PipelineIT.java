package org.iopcare.intake.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.InquiryStatusChanged;
import org.iopcare.events.Topics;
import org.iopcare.intake.IntakeIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Idempotency, rate limit and the staff pipeline of inquiries. */
class PipelineIT extends IntakeIT {

    static final String COORDINATOR = TestTokens.bearer(StaffRole.INTAKE_COORDINATOR);

    @Autowired
    JdbcTemplate jdbc;

    static String uniquePhone() {
        return "+1617555" + String.format("%04d", (int) (Math.random() * 10_000));
    }

    @Test
    void sameKeyAndFormReplaysTheFirstReceiptAndADifferentFormIsRefused() {
        String key = UUID.randomUUID().toString();
        String form = InquiryIT.form(uniquePhone(), null, "SMS");
        long before = count("inquiry");

        Response first = send("POST", "/api/inquiries", null, form, "Idempotency-Key", key);
        Response again = send("POST", "/api/inquiries", null, form, "Idempotency-Key", key);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(count("inquiry")).isEqualTo(before + 1);

        Response other = send(
                "POST",
                "/api/inquiries",
                null,
                form.replace("Feeling stuck lately", "Something else"),
                "Idempotency-Key",
                key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.text()).doesNotContain("Something else");
        assertThat(count("inquiry")).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM idempotency_key WHERE idem_key = ? AND expires_at > now()",
                        Long.class,
                        key))
                .isOne();

        Response tooLong = send("POST", "/api/inquiries", null, form, "Idempotency-Key", "k".repeat(101));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(count("inquiry")).isEqualTo(before + 1);
    }

    @Test
    void limitsSubmissionsPerClientAddressWithRetryAfter() {
        // Invalid forms count too, so the limit is reached without storing anything.
        String client = "203.0.113." + (int) (Math.random() * 250);
        Response last = null;
        int passed = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 5_000 && (last == null || last.status() != 429); i++) {
            last = send("POST", "/api/inquiries", null, "{}", "X-Forwarded-For", client);
            if (last.status() == 400) {
                passed++;
            }
        }
        long limited = System.nanoTime();
        assertThat(last.status()).isEqualTo(429);
        // 300 in the burst, plus what refilled (5 a second) while the loop ran, however long it took
        assertThat(passed).isBetween(300, 300 + refilledSince(started));
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(last.headers().getFirst("Retry-After"))).isPositive();
        // staff taking an inquiry by phone from the same address are identified, not limited
        assertThat(send("POST", "/api/inquiries", COORDINATOR, "{}", "X-Forwarded-For", client)
                        .status())
                .isEqualTo(400);

        // Another client behind the same trusted proxy is not affected; a spoofed left-most entry is
        // ignored because the proxy appends the real peer at the right.
        assertThat(send("POST", "/api/inquiries", null, "{}", "X-Forwarded-For", "198.51.100.7")
                        .status())
                .isEqualTo(400);
        // A fresh bucket keyed on the spoofed address would let all 300 of its burst through; the
        // client's own lets through only what refilled (a token every 200 ms) since it was emptied.
        int spoofedPassed = 0;
        Response spoofed = send("POST", "/api/inquiries", null, "{}", "X-Forwarded-For", "198.51.100.8, " + client);
        while (spoofed.status() == 400 && spoofedPassed < 300) {
            spoofedPassed++;
            spoofed = send("POST", "/api/inquiries", null, "{}", "X-Forwarded-For", "198.51.100.8, " + client);
        }
        assertThat(spoofed.status()).isEqualTo(429);
        assertThat(spoofedPassed)
                .as("requests let through for a spoofed left-most address")
                .isLessThanOrEqualTo(refilledSince(limited));
    }

    /** The most tokens the limit (300 a minute: 5 a second) can have refilled since {@code started}. */
    private static int refilledSince(long started) {
        return (int) Math.ceil((System.nanoTime() - started) / 1e9 * 5) + 1;
    }

    @Test
    void staffMoveAnInquiryAlongAllowedTransitionsOnlyAndEachChangeIsPublished() {
        UUID id = submit();
        try (KafkaConsumer<byte[], byte[]> reader = TestKafka.reader(Topics.INQUIRY_STATUS_CHANGED)) {
            assertThat(patch(id, "{\"status\":\"SCREENING\"}", COORDINATOR).status())
                    .isEqualTo(409);
            Response contacted = patch(id, "{\"status\":\"CONTACTED\",\"note\":\"Left a voicemail\"}", COORDINATOR);
            assertThat(contacted.status()).as(contacted.text()).isEqualTo(200);
            assertThat(contacted.json().get("status").asString()).isEqualTo("CONTACTED");
            assertThat(patch(id, "{\"status\":\"CONTACTED\"}", COORDINATOR).status())
                    .isEqualTo(409);
            assertThat(patch(id, "{\"status\":\"ENROLLED\"}", COORDINATOR).status())
                    .isEqualTo(409);
            assertThat(patch(id, "{\"note\":\"Called back\"}", COORDINATOR).status())
                    .isEqualTo(200);
            assertThat(patch(id, "{\"status\":\"CLOSED\"}", TestTokens.bearer(StaffRole.PROGRAM_ADMIN))
                            .status())
                    .isEqualTo(200);
            assertThat(patch(id, "{\"status\":\"CONTACTED\"}", COORDINATOR).status())
                    .isEqualTo(409);
            assertThat(patch(id, "{\"status\":\"LOST\"}", COORDINATOR).status()).isEqualTo(400);
            assertThat(patch(id, "{}", COORDINATOR).status()).isEqualTo(400);

            Response history = http.get("/api/inquiries/" + id + "/history", COORDINATOR);
            assertThat(history.json().size()).isEqualTo(3);
            assertThat(history.json().get(0).get("note").asString()).isEqualTo("Left a voicemail");

            UUID clientId = UUID.fromString(http.get("/api/inquiries/" + id, COORDINATOR)
                    .json()
                    .get("clientId")
                    .asString());
            List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                seen.addAll(TestKafka.poll(reader));
                assertThat(seen.stream()
                                .map(r -> TestKafka.read(r, InquiryStatusChanged.class))
                                .filter(e -> e.inquiryId().equals(id))
                                .map(e -> e.from() + ">" + e.to())
                                .toList())
                        .containsExactly("NEW>CONTACTED", "CONTACTED>CLOSED");
            });
            assertThat(seen.stream()
                            .filter(r -> TestKafka.read(r, InquiryStatusChanged.class)
                                    .inquiryId()
                                    .equals(id)))
                    .allSatisfy(r -> assertThat(new String(r.key())).isEqualTo(clientId.toString()))
                    .allSatisfy(r -> assertThat(new String(r.value())).doesNotContain("voicemail"));
        }
    }

    @Test
    void onlyCoordinatorsAndAdminsRunThePipelineAndRefusalsAreAudited() {
        UUID id = submit();
        assertThat(patch(id, "{\"status\":\"CONTACTED\"}", TestTokens.bearer(StaffRole.CLINICIAN))
                        .status())
                .isEqualTo(403);
        assertThat(patch(id, "{\"status\":\"CONTACTED\"}", TestTokens.bearer(StaffRole.SCHEDULER))
                        .status())
                .isEqualTo(403);
        assertThat(patch(id, "{\"status\":\"CONTACTED\"}", null).status()).isEqualTo(401);
        assertThat(http.get("/api/inquiries/" + id, COORDINATOR)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("NEW");
        assertThat(jdbc.queryForList(
                        "SELECT action || ' ' || path_pattern || ' ' || status || ' '"
                                + " || regexp_replace(roles, '^.*(ROLE_[A-Z_]+).*$', '\\1') FROM audit_entry"
                                + " WHERE path_ids = ? AND http_method = 'PATCH' ORDER BY id",
                        String.class,
                        "id=" + id))
                .containsExactly(
                        "UPDATE /api/inquiries/{id} 403 ROLE_CLINICIAN",
                        "UPDATE /api/inquiries/{id} 403 ROLE_SCHEDULER");
    }

    @Test
    void listsByStatusPageByPage() {
        UUID id = submit();
        patch(id, "{\"status\":\"CONTACTED\"}", COORDINATOR);
        Response page = http.get("/api/inquiries?status=CONTACTED&size=1&page=0", COORDINATOR);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("content").size()).isEqualTo(1);
        assertThat(page.json().get("content").get(0).get("status").asString()).isEqualTo("CONTACTED");
        assertThat(page.json().get("page").get("totalElements").asLong()).isPositive();
        assertThat(http.get("/api/inquiries?size=0", COORDINATOR).status()).isEqualTo(400);
    }

    private UUID submit() {
        Response created = http.postJson("/api/inquiries", null, InquiryIT.form(uniquePhone(), null, "SMS"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private Response patch(UUID id, String body, String token) {
        return send("PATCH", "/api/inquiries/" + id, token, body);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
