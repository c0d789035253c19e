package org.iopcare.intake.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.ClientDischarged;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.ClientTransferred;
import org.iopcare.events.ClientUpdated;
import org.iopcare.events.ConsentChangeSource;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.ContactConsentChanged;
import org.iopcare.events.DischargeReason;
import org.iopcare.events.InquiryStatusChanged;
import org.iopcare.events.Topics;
import org.iopcare.events.TrackChanged;
import org.iopcare.events.TrackStatus;
import org.iopcare.intake.IntakeIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Enrollment, client changes and discharge, with their events on the real broker. */
class ClientIT extends IntakeIT {

    static final String COORDINATOR = TestTokens.bearer(StaffRole.INTAKE_COORDINATOR);
    /** The primary clinician every enrollment of this suite names. */
    static final String CLINICIAN = TestTokens.bearerFor("dr-okafor", StaffRole.CLINICIAN);

    static final String ZONE = "America/Chicago";

    @Autowired
    JdbcTemplate jdbc;

    static String screening(boolean suicidalIntent) {
        return """
                {"ratings":{"withdrawal":1,"biomedical":0,"emotional":1,"readiness":1,"relapse":1,"environment":1},
                 "phq9":[2,2,1,1,1,1,1,1,0],"gad7":[1,1,1,0,0,0,0],
                 "currentCare":"NONE","recentRelapse":false,"coOccurringDisorders":false,
                 "safety":{"suicidalIntent":%s,"recentSuicideAttempt":false,"homicidalIdeation":false}}
                """.formatted(suicidalIntent);
    }

    static String enrollment(UUID inquiry, String phone, String zone, LocalDate start, boolean sms) {
        return """
                {"inquiryId":"%s","trackCode":"MH-IOP-AM","startDate":"%s","primaryClinicianId":"dr-okafor",
                 "ageGroup":"ADULT",
                 "client":{"firstName":"Sam","lastName":"Rivera","preferredName":"Sam","phone":%s,
                   "email":"sam.rivera@example.org","timeZone":"%s",
                   "smsConsent":{"given":%s,"recordedAt":"2026-01-05T15:00:00Z","source":"WRITTEN_FORM"},
                   "emailConsent":{"given":true,"recordedAt":"2026-01-05T15:00:00Z","source":"WRITTEN_FORM"},
                   "part2Consent":{"given":true,"recordedAt":"2026-01-05T15:00:00Z","source":"ELECTRONIC_FORM"}}}
                """.formatted(inquiry, start, phone == null ? "null" : "\"" + phone + "\"", zone, sms);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of(ZONE));
    }

    static String phone() {
        return "+1617555" + String.format("%04d", (int) (Math.random() * 10_000));
    }

    /** An inquiry taken to SCREENING with a screening of the given kind; returns its id. */
    UUID screened(boolean suicidalIntent) {
        Response created = http.postJson("/api/inquiries", null, """
                {"firstName":"Sam","lastName":"Rivera","email":"s.%s@example.org","preferredChannel":"EMAIL",
                 "contactConsent":true,"referralSource":"THERAPIST"}
                """.formatted(UUID.randomUUID()));
        UUID id = UUID.fromString(created.json().get("id").asString());
        assertThat(send("PATCH", "/api/inquiries/" + id, COORDINATOR, "{\"status\":\"CONTACTED\"}")
                        .status())
                .isEqualTo(200);
        Response screening =
                http.postJson("/api/inquiries/" + id + "/screenings", CLINICIAN, screening(suicidalIntent));
        assertThat(screening.status()).as(screening.text()).isEqualTo(201);
        lastScreening = UUID.fromString(screening.json().get("id").asString());
        return id;
    }

    UUID lastScreening;

    @Test
    void fromScreenedInquiryToEnrolledUpdatedAndDischargedClientWithEveryEventKeyedByClient() {
        UUID inquiry = screened(false);
        String phone = phone();
        try (KafkaConsumer<byte[], byte[]> enrolled = TestKafka.reader(Topics.ENROLLED);
                KafkaConsumer<byte[], byte[]> updated = TestKafka.reader(Topics.CLIENT_UPDATED);
                KafkaConsumer<byte[], byte[]> discharged = TestKafka.reader(Topics.DISCHARGED);
                KafkaConsumer<byte[], byte[]> statuses = TestKafka.reader(Topics.INQUIRY_STATUS_CHANGED)) {
            Response created =
                    http.postJson("/api/enrollments", COORDINATOR, enrollment(inquiry, phone, ZONE, today(), true));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            UUID clientId = UUID.fromString(created.json().get("id").asString());
            assertThat(created.headers().getLocation()).hasToString("/api/clients/" + clientId);
            JsonNode enrollment = created.json().get("enrollments").get(0);
            UUID enrollmentId = UUID.fromString(enrollment.get("id").asString());
            assertThat(enrollment.get("screeningId").asString()).isEqualTo(lastScreening.toString());
            assertThat(created.json().get("part2Consent").get("source").asString())
                    .isEqualTo("ELECTRONIC_FORM");

            JsonNode inquiryView =
                    http.get("/api/inquiries/" + inquiry, COORDINATOR).json();
            assertThat(inquiryView.get("status").asString()).isEqualTo("ENROLLED");
            assertThat(inquiryView.get("clientId").asString()).isEqualTo(clientId.toString());
            assertThat(http.postJson("/api/enrollments", COORDINATOR, enrollment(inquiry, phone, ZONE, today(), true))
                            .status())
                    .isEqualTo(409);

            ClientEnrolled welcome = awaitOne(enrolled, clientId, r -> TestKafka.read(r, ClientEnrolled.class));
            assertThat(welcome.enrollmentId()).isEqualTo(enrollmentId);
            assertThat(welcome.trackCode()).isEqualTo("MH-IOP-AM");
            assertThat(welcome.startDate()).isEqualTo(today());
            assertThat(welcome.primaryClinicianId()).isEqualTo("dr-okafor");
            assertThat(welcome.ageGroup()).isEqualTo(AgeGroup.ADULT);
            assertThat(welcome.timeZone()).isEqualTo(ZONE);
            assertThat(welcome.phone()).isEqualTo(phone);
            assertThat(welcome.email()).isEqualTo("sam.rivera@example.org");
            assertThat(welcome.preferredName()).isEqualTo("Sam");
            assertThat(welcome.smsConsent()).isTrue();
            assertThat(welcome.emailConsent()).isTrue();
            // the inquiry's channel, so notification knows it whichever event it reads first
            assertThat(welcome.preferredChannel()).isEqualTo(ContactChannel.EMAIL);
            InquiryStatusChanged enrolledStatus = awaitOne(
                    statuses,
                    clientId,
                    r -> TestKafka.read(r, InquiryStatusChanged.class),
                    e -> e.to().name().equals("ENROLLED"));
            assertThat(enrolledStatus.from().name()).isEqualTo("SCREENING");

            // Withdrawing SMS consent and moving: the complete state is published.
            Response changed = send("PATCH", "/api/clients/" + clientId, COORDINATOR, """
                    {"timeZone":"America/Denver","preferredName":"",
                     "smsConsent":{"given":false,"recordedAt":"2026-02-01T10:00:00Z","source":"MESSAGE_REPLY"}}
                    """);
            assertThat(changed.status()).as(changed.text()).isEqualTo(200);
            assertThat(changed.json().get("smsConsent").get("given").asBoolean())
                    .isFalse();
            ClientUpdated update = awaitOne(updated, clientId, r -> TestKafka.read(r, ClientUpdated.class));
            assertThat(update.smsConsent()).isFalse();
            assertThat(update.emailConsent()).isTrue();
            assertThat(update.timeZone()).isEqualTo("America/Denver");
            assertThat(update.phone()).isEqualTo(phone);
            assertThat(update.email()).isEqualTo("sam.rivera@example.org");
            assertThat(update.preferredName()).isNull();

            Response left = http.postJson(
                    "/api/clients/" + clientId + "/discharge",
                    CLINICIAN,
                    "{\"reason\":\"STEPPED_DOWN\",\"note\":\"Doing well\"}");
            assertThat(left.status()).as(left.text()).isEqualTo(200);
            assertThat(left.json()
                            .get("enrollments")
                            .get(0)
                            .get("dischargeReason")
                            .asString())
                    .isEqualTo("STEPPED_DOWN");
            ClientDischarged out = awaitOne(discharged, clientId, r -> TestKafka.read(r, ClientDischarged.class));
            assertThat(out.enrollmentId()).isEqualTo(enrollmentId);
            assertThat(out.reason()).isEqualTo(DischargeReason.STEPPED_DOWN);
            assertThat(out.effectiveDate()).isEqualTo(LocalDate.now(ZoneId.of("America/Denver")));
            assertThat(http.postJson(
                                    "/api/clients/" + clientId + "/discharge",
                                    CLINICIAN,
                                    "{\"reason\":\"LEFT_PROGRAM\"}")
                            .status())
                    .isEqualTo(409);

            assertThat(jdbc.queryForList(
                            "SELECT action || ' ' || path_pattern || ' ' || status FROM audit_entry WHERE path_ids = ?"
                                    + " ORDER BY id",
                            String.class,
                            "id=" + clientId))
                    .containsExactly(
                            "UPDATE /api/clients/{id} 200",
                            "CREATE /api/clients/{id}/discharge 200",
                            "CREATE /api/clients/{id}/discharge 409");
        }
    }

    @Test
    void crisisOrInpatientBlocksEnrollmentNamingTheLevelAndAnIopOverrideOpensIt() {
        UUID inquiry = screened(true);
        Response blocked =
                http.postJson("/api/enrollments", COORDINATOR, enrollment(inquiry, phone(), ZONE, today(), true));
        assertThat(blocked.status()).isEqualTo(422);
        assertThat(blocked.json().get("detail").asString()).contains("CRISIS");
        assertThat(blocked.json().get("type").asString()).endsWith("level-of-care-blocks-enrollment");

        override("INPATIENT");
        Response inpatient =
                http.postJson("/api/enrollments", COORDINATOR, enrollment(inquiry, phone(), ZONE, today(), true));
        assertThat(inpatient.status()).isEqualTo(422);
        assertThat(inpatient.json().get("detail").asString()).contains("INPATIENT");

        override("PHP");
        assertThat(http.postJson("/api/enrollments", COORDINATOR, enrollment(inquiry, phone(), ZONE, today(), true))
                        .json()
                        .get("type")
                        .asString())
                .endsWith("level-of-care-not-iop");

        override("IOP");
        assertThat(http.postJson("/api/enrollments", COORDINATOR, enrollment(inquiry, phone(), ZONE, today(), true))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void invalidEnrollmentsAreRefusedAndStoreNothing() {
        UUID inquiry = screened(false);
        long clients = count("client");
        long enrollments = count("enrollment");

        assertThat(fields(http.postJson(
                        "/api/enrollments", COORDINATOR, enrollment(inquiry, phone(), "Mars/Olympus", today(), true))))
                .containsExactly("client.timeZone");
        assertThat(fields(http.postJson(
                        "/api/enrollments", COORDINATOR, enrollment(inquiry, phone(), "+02:00", today(), true))))
                .containsExactly("client.timeZone");
        assertThat(fields(http.postJson(
                        "/api/enrollments", COORDINATOR, enrollment(inquiry, "555-0100", ZONE, today(), true))))
                .containsExactly("client.phone");
        assertThat(fields(
                        http.postJson("/api/enrollments", COORDINATOR, enrollment(inquiry, null, ZONE, today(), true))))
                .containsExactly("client.smsReachable");
        assertThat(fields(http.postJson(
                        "/api/enrollments",
                        COORDINATOR,
                        enrollment(inquiry, phone(), ZONE, today(), true).replace("MH-IOP-AM", "my track"))))
                .containsExactly("trackCode");
        assertThat(fields(http.postJson(
                        "/api/enrollments",
                        COORDINATOR,
                        enrollment(inquiry, phone(), ZONE, today(), true)
                                .replace(",\"source\":\"ELECTRONIC_FORM\"", ""))))
                .containsExactly("client.part2Consent.source");
        assertThat(fields(http.postJson("/api/enrollments", COORDINATOR, "{}")))
                .contains("inquiryId", "client", "trackCode", "startDate", "primaryClinicianId", "ageGroup");
        Response past = http.postJson(
                "/api/enrollments", COORDINATOR, enrollment(inquiry, phone(), ZONE, today().minusDays(1), true));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().get("type").asString()).endsWith("start-date-in-past");
        assertThat(http.postJson(
                                "/api/enrollments",
                                COORDINATOR,
                                enrollment(UUID.randomUUID(), phone(), ZONE, today(), true))
                        .status())
                .isEqualTo(404);

        assertThat(count("client")).isEqualTo(clients);
        assertThat(count("enrollment")).isEqualTo(enrollments);
        assertThat(inquiryStatus(inquiry)).isEqualTo("SCREENING");
    }

    @Test
    void enrollmentTakesOnlyATrackSchedulingPublishedAndNotRetired() {
        String code = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        UUID inquiry = screened(false);
        String body = enrollment(inquiry, phone(), ZONE, today(), true).replace("MH-IOP-AM", code);
        long clients = count("client");
        long enrollments = count("enrollment");

        Response unknown = http.postJson("/api/enrollments", COORDINATOR, body);
        assertThat(unknown.status()).as(unknown.text()).isEqualTo(422);
        assertThat(unknown.json().get("type").asString()).endsWith("/unknown-track");
        assertThat(unknown.text()).doesNotContain(code);
        assertThat(count("client")).isEqualTo(clients);
        assertThat(count("enrollment")).isEqualTo(enrollments);
        assertThat(inquiryStatus(inquiry)).isEqualTo("SCREENING");

        // scheduling creates the track: intake learns it from the broker
        Instant created = Instant.now();
        TestKafka.publish(TrackChanged.of(created, code, "Evening group", TrackStatus.ACTIVE));
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        http.postJson("/api/enrollments", COORDINATOR, body).status() != 422);
        assertThat(inquiryStatus(inquiry)).isEqualTo("ENROLLED");
        assertThat(count("enrollment")).isEqualTo(enrollments + 1);

        // retired, then an older state delivered late: the track stays retired
        long seen = trackEventsApplied();
        TestKafka.publish(TrackChanged.of(created.plusSeconds(60), code, "Evening group", TrackStatus.RETIRED));
        TestKafka.publish(TrackChanged.of(created.plusSeconds(30), code, "Evening group", TrackStatus.ACTIVE));
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> trackEventsApplied() >= seen + 2);
        assertThat(jdbc.queryForObject("SELECT status FROM known_track WHERE code = ?", String.class, code))
                .isEqualTo("RETIRED");
        UUID second = screened(false);
        String secondBody = enrollment(second, phone(), ZONE, today(), true).replace("MH-IOP-AM", code);
        Response retired = http.postJson("/api/enrollments", COORDINATOR, secondBody);
        assertThat(retired.status()).as(retired.text()).isEqualTo(422);
        assertThat(retired.json().get("type").asString()).endsWith("/track-retired");
        assertThat(count("enrollment")).isEqualTo(enrollments + 1);
    }

    @Test
    void aTransferMovesTheOpenEnrollmentToAnotherPublishedTrackFromADate() {
        UUID inquiry = screened(false);
        Response created =
                http.postJson("/api/enrollments", COORDINATOR, enrollment(inquiry, phone(), ZONE, today(), true));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        UUID clientId = UUID.fromString(created.json().get("id").asString());
        UUID enrollmentId = UUID.fromString(
                created.json().get("enrollments").get(0).get("id").asString());
        String path = "/api/clients/" + clientId + "/transfer";
        String next = today().plusDays(7).toString();

        for (String[] refused : List.of(
                new String[] {"MH-IOP-AM", next, "same-track"},
                new String[] {"NO-SUCH-TRACK", next, "unknown-track"},
                new String[] {"MH-IOP-PM", today().minusDays(1).toString(), "effective-date-in-past"})) {
            Response answer = http.postJson(
                    path,
                    COORDINATOR,
                    "{\"trackCode\":\"%s\",\"effectiveDate\":\"%s\"}".formatted(refused[0], refused[1]));
            assertThat(answer.status()).as(answer.text()).isEqualTo(422);
            assertThat(answer.json().get("type").asString()).endsWith("/" + refused[2]);
        }
        assertThat(http.postJson(path, CLINICIAN, "{\"trackCode\":\"MH-IOP-PM\",\"effectiveDate\":\"" + next + "\"}")
                        .status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT track_code FROM enrollment WHERE id = ?", String.class, enrollmentId))
                .isEqualTo("MH-IOP-AM");

        try (KafkaConsumer<byte[], byte[]> transfers = TestKafka.reader(Topics.CLIENT_TRANSFERRED)) {
            Response moved = http.postJson(
                    path, COORDINATOR, "{\"trackCode\":\"MH-IOP-PM\",\"effectiveDate\":\"" + next + "\"}");
            assertThat(moved.status()).as(moved.text()).isEqualTo(200);
            assertThat(moved.json().get("enrollments").get(0).get("trackCode").asString())
                    .isEqualTo("MH-IOP-PM");
            ClientTransferred event = awaitOne(transfers, clientId, r -> TestKafka.read(r, ClientTransferred.class));
            assertThat(event.enrollmentId()).isEqualTo(enrollmentId);
            assertThat(event.previousTrackCode()).isEqualTo("MH-IOP-AM");
            assertThat(event.trackCode()).isEqualTo("MH-IOP-PM");
            assertThat(event.effectiveDate()).isEqualTo(today().plusDays(7));
        }
    }

    @Test
    void rolesPerEndpointAndRefusalsAreAudited() {
        UUID inquiry = screened(false);
        String body = enrollment(inquiry, phone(), ZONE, today().plusDays(3), false);
        assertThat(http.postJson("/api/enrollments", CLINICIAN, body).status()).isEqualTo(403);
        assertThat(http.postJson("/api/enrollments", TestTokens.bearer(StaffRole.SCHEDULER), body)
                        .status())
                .isEqualTo(403);
        assertThat(http.postJson("/api/enrollments", null, body).status()).isEqualTo(401);
        Response created = http.postJson("/api/enrollments", TestTokens.bearer(StaffRole.PROGRAM_ADMIN), body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        UUID clientId = UUID.fromString(created.json().get("id").asString());

        assertThat(http.get("/api/clients/" + clientId, TestTokens.bearer(StaffRole.PRIVACY_OFFICER))
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/clients/" + clientId, CLINICIAN).status()).isEqualTo(200);
        // a clinician who is not on the client's care team: as if the client did not exist
        assertThat(http.get("/api/clients/" + clientId, TestTokens.bearerFor("dr-other", StaffRole.CLINICIAN))
                        .status())
                .isEqualTo(404);
        assertThat(send("PATCH", "/api/clients/" + clientId, CLINICIAN, "{\"timeZone\":\"America/Denver\"}")
                        .status())
                .isEqualTo(403);
        assertThat(send("PATCH", "/api/clients/" + clientId, COORDINATOR, "{\"timeZone\":\"Nowhere/Land\"}")
                        .status())
                .isEqualTo(400);
        // Removing the phone while SMS consent stands is refused.
        assertThat(send("PATCH", "/api/clients/" + clientId, COORDINATOR, "{\"email\":\"\"}")
                        .status())
                .isEqualTo(422);
        assertThat(http.get("/api/clients/" + UUID.randomUUID(), COORDINATOR).status())
                .isEqualTo(404);

        assertThat(jdbc.queryForList(
                        "SELECT action || ' ' || path_pattern || ' ' || status FROM audit_entry WHERE path_ids = ?"
                                + " ORDER BY id",
                        String.class,
                        "id=" + clientId))
                .containsExactly(
                        "READ /api/clients/{id} 403",
                        "READ /api/clients/{id} 200",
                        "READ /api/clients/{id} 404",
                        "UPDATE /api/clients/{id} 403",
                        "UPDATE /api/clients/{id} 400",
                        "UPDATE /api/clients/{id} 422");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_entry WHERE path_pattern = '/api/enrollments' AND status = 403",
                        Long.class))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void optOutsAndOptInsByMessageAreRecordedOnTheConsentOnceWithTheirSourceAndTime() {
        UUID inquiry = screened(false);
        Response created =
                http.postJson("/api/enrollments", COORDINATOR, enrollment(inquiry, phone(), ZONE, today(), true));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        UUID clientId = UUID.fromString(created.json().get("id").asString());
        Instant stop = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        ContactConsentChanged stopped = new ContactConsentChanged(
                UUID.randomUUID(), stop, clientId, ContactChannel.SMS, false, ConsentChangeSource.SMS_REPLY);
        ContactConsentChanged unsubscribed = new ContactConsentChanged(
                UUID.randomUUID(), stop, clientId, ContactChannel.EMAIL, false, ConsentChangeSource.EMAIL_UNSUBSCRIBE);
        // redelivered, and a START older than the consent on record: nothing more
        TestKafka.publishAll(List.of(
                stopped,
                stopped,
                unsubscribed,
                new ContactConsentChanged(
                        UUID.randomUUID(),
                        Instant.parse("2026-01-01T00:00:00Z"),
                        clientId,
                        ContactChannel.EMAIL,
                        true,
                        ConsentChangeSource.SMS_REPLY)));

        awaitClient(clientId, client -> {
            assertThat(client.get("smsConsent").get("given").asBoolean()).isFalse();
            assertThat(client.get("smsConsent").get("source").asString()).isEqualTo("MESSAGE_REPLY");
            assertThat(Instant.parse(client.get("smsConsent").get("recordedAt").asString()))
                    .isEqualTo(stop);
            assertThat(client.get("emailConsent").get("given").asBoolean()).isFalse();
            assertThat(client.get("emailConsent").get("source").asString()).isEqualTo("EMAIL_UNSUBSCRIBE");
        });

        // START restores what STOP withdrew; the consent of part 2 is never touched
        Instant start = stop.plusSeconds(30);
        TestKafka.publish(new ContactConsentChanged(
                UUID.randomUUID(), start, clientId, ContactChannel.SMS, true, ConsentChangeSource.SMS_REPLY));
        awaitClient(clientId, client -> {
            assertThat(client.get("smsConsent").get("given").asBoolean()).isTrue();
            assertThat(Instant.parse(client.get("smsConsent").get("recordedAt").asString()))
                    .isEqualTo(start);
            assertThat(client.get("emailConsent").get("given").asBoolean()).isFalse();
            assertThat(client.get("part2Consent").get("source").asString()).isEqualTo("ELECTRONIC_FORM");
        });
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM processed_event WHERE consumer = 'intake-service:contact-consent-changed'"
                                + " AND event_id = ?",
                        Long.class,
                        stopped.eventId()))
                .isEqualTo(1);
    }

    private void awaitClient(UUID clientId, java.util.function.Consumer<JsonNode> expected) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> expected.accept(
                        http.get("/api/clients/" + clientId, COORDINATOR).json()));
    }

    private void override(String level) {
        Response r = http.postJson(
                "/api/screenings/" + lastScreening + "/override",
                TestTokens.bearer(StaffRole.CLINICAL_SUPERVISOR),
                "{\"level\":\"" + level + "\",\"reason\":\"Reviewed with the care team today\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private <T> T awaitOne(
            KafkaConsumer<byte[], byte[]> reader, UUID clientId, Function<ConsumerRecord<byte[], byte[]>, T> read) {
        return awaitOne(reader, clientId, read, e -> true);
    }

    private <T> T awaitOne(
            KafkaConsumer<byte[], byte[]> reader,
            UUID clientId,
            Function<ConsumerRecord<byte[], byte[]>, T> read,
            java.util.function.Predicate<T> wanted) {
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        List<T> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (ConsumerRecord<byte[], byte[]> r : TestKafka.poll(reader)) {
                seen.add(r);
                if (new String(r.key()).equals(clientId.toString()) && wanted.test(read.apply(r))) {
                    assertThat(TestKafka.header(r, "ce_subject")).isEqualTo(clientId.toString());
                    found.add(read.apply(r));
                }
            }
            assertThat(found).hasSize(1);
        });
        return found.get(0);
    }

    private String inquiryStatus(UUID inquiry) {
        return http.get("/api/inquiries/" + inquiry, COORDINATOR)
                .json()
                .get("status")
                .asString();
    }

    private long trackEventsApplied() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE consumer = 'intake-service:track-changed'", Long.class);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private static List<String> fields(Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json()
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
