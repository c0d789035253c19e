package org.iopcare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Resource;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.InquiryReceived;
import org.iopcare.notification.sms.TwilioSignature;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.work.WorkItems;
import org.iopcare.testsupport.AccessMatrix;
import org.iopcare.testsupport.AccessMatrix.Caller;
import org.iopcare.testsupport.AccessMatrix.Expected;
import org.iopcare.testsupport.AccessMatrix.Row;
import org.iopcare.testsupport.FhirChecks;
import org.iopcare.testsupport.TestHttp;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.testsupport.WorkItemRequests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The notification-service table of the access matrix (docs/architecture.md, "Who sees what"),
 * asked row by row as every caller: client A is on {@code clin-own}'s care team, client B on
 * {@code clin-other}'s; both enrolled, with messages and an SMS reply, through the real broker and
 * the signed webhook. Every operation of the API description that needs a staff token must be in
 * the table, and every row must have a request here.
 */
class AccessMatrixIT extends NotificationIT {

    static final String OWN = "clin-own";
    static final String OTHER = "clin-other";

    /** Two clients, each with a message and an inbox reply, on different clinicians' care teams. */
    record Fixture(UUID a, UUID b, Map<UUID, UUID> messageOf) {}

    private static Fixture fixture;

    /** The request for a row, given the client it asks about. */
    private static final Map<String, Function<UUID, String>> REQUESTS = Map.of(
            "GET /api/clients/{clientId}/messages", client -> "/api/clients/" + client + "/messages",
            "GET /api/messages/{id}",
                    client -> "/api/messages/" + fixture.messageOf().get(client),
            // a list: every caller asks for the whole inbox, the view says whose replies it holds
            "GET /api/inbox", client -> "/api/inbox",
            "GET /api/clients/{clientId}/preferences", client -> "/api/clients/" + client + "/preferences",
            "PUT /api/clients/{clientId}/preferences", client -> "/api/clients/" + client + "/preferences",
            // the audit trail's review and verification, which every service serves alike
            "GET /api/audit", client -> "/api/audit?size=1",
            "GET /api/audit/verification", client -> "/api/audit/verification",
            // the FHIR read API (docs/fhir.md): the rows of the messages, never a body
            "GET /fhir/metadata", client -> "/fhir/metadata",
            "GET /fhir/Communication/{id}",
                    client -> "/fhir/Communication/" + fixture.messageOf().get(client),
            "GET /fhir/Communication", client -> "/fhir/Communication?patient=" + client);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WorkItems workItems;

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersEveryCallerAsTheMatrixSays() {
        Fixture f = fixture();
        List<DynamicTest> cases = new ArrayList<>();
        for (Row row : AccessMatrix.of("notification-service")) {
            Function<UUID, String> request = WorkItemRequests.ROWS.contains(row.key())
                    ? client -> "asked by WorkItemRequests"
                    : REQUESTS.get(row.key());
            assertThat(request).as("a request for the matrix row " + row.key()).isNotNull();
            row.expected()
                    .forEach((caller, expected) -> cases.add(DynamicTest.dynamicTest(
                            row.key() + " as " + caller + " → " + expected,
                            () -> check(row, caller, expected, request, f))));
        }
        assertThat(cases).isNotEmpty();
        return cases.stream();
    }

    private void check(Row row, Caller caller, Expected expected, Function<UUID, String> request, Fixture f) {
        UUID client = caller == Caller.CLINICIAN_OTHER ? f.b() : f.a();
        String subject = caller.name().startsWith("CLINICIAN_")
                ? OWN
                : "staff-" + caller.role().toLowerCase(Locale.ROOT);
        String token = row.path().startsWith("/fhir/")
                ? TestTokens.smartBearerFor(subject, "user/*.read", StaffRole.valueOf(caller.role()))
                : TestTokens.bearerFor(subject, StaffRole.valueOf(caller.role()));
        if (WorkItemRequests.ROWS.contains(row.key())) {
            new WorkItemRequests(http, workItems, jdbc).check(row, caller, token, f.a(), f.b());
            return;
        }
        boolean preferences = row.path().endsWith("/preferences");
        String body = row.method().equals("PUT") && preferences ? preferenceChange(client) : null;
        Response response = http.exchange(
                org.springframework.http.HttpMethod.valueOf(row.method()),
                request.apply(client),
                token,
                body == null ? null : org.springframework.http.MediaType.APPLICATION_JSON,
                body);

        assertThat(response.status()).as(response.text()).isEqualTo(expected.status());
        if (expected.status() >= 400) {
            TestHttp.assertProblem(response, expected.status());
            return;
        }
        if (row.path().startsWith("/fhir/")) {
            assertThat(response.text()).as("a Communication carries no text").doesNotContain("payload");
            return;
        }
        if (row.path().startsWith("/api/audit")) {
            return; // the trail's own shape: AuditReviewIT and AuditChainIT in intake-service
        }
        if (preferences) {
            assertThat(response.json().get("clientId").asString()).isEqualTo(client.toString());
            return;
        }
        List<JsonNode> items = items(response.json());
        Set<UUID> clients = items.stream()
                .filter(item -> item.hasNonNull("clientId"))
                .map(item -> UUID.fromString(item.get("clientId").asString()))
                .collect(Collectors.toSet());
        String view = expected.view().orElse("");
        if (view.contains("own")) {
            assertThat(clients).contains(f.a()).doesNotContain(f.b());
        }
        if (view.contains("all")) {
            assertThat(clients).contains(f.a(), f.b());
        }
        List<JsonNode> ofA = items.stream()
                .filter(item -> item.hasNonNull("clientId")
                        && item.get("clientId").asString().equals(f.a().toString()))
                .toList();
        assertThat(ofA).as("the answer holds client A's items").isNotEmpty();
        for (JsonNode item : items) {
            assertThat(item.has("body")).as("the same shape in every view").isTrue();
            if (view.contains("no bodies")) {
                assertThat(item.get("body").isNull())
                        .as("no text in the no-bodies view")
                        .isTrue();
            }
        }
        if (!view.contains("no bodies")) {
            assertThat(ofA)
                    .allSatisfy(item -> assertThat(item.get("body").asString()).isNotBlank());
        }
    }

    @Test
    void aClientsMessagesAreValidFhirCommunicationsWithoutTheirTextAndWithPart2Labels() {
        Fixture f = fixture();
        String token = TestTokens.smartBearerFor(OWN, "user/Communication.read", StaffRole.CLINICIAN);
        Response found = http.get("/fhir/Communication?patient=" + f.a() + "&_count=50", token);
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        List<Resource> communications = FhirChecks.validMatches(found.text());
        assertThat(communications)
                .extracting(Resource::getIdPart)
                .contains(f.messageOf().get(f.a()).toString());
        for (Resource r : communications) {
            Communication c = (Communication) r;
            assertThat(c.getPayload()).isEmpty();
            assertThat(c.getCategoryFirstRep().getCodingFirstRep().getCode()).isNotBlank();
            assertThat(FhirChecks.securityLabels(c)).contains("R", "ETH", "42CFRPart2");
        }
        Response one = http.get("/fhir/Communication/" + f.messageOf().get(f.a()), token);
        FhirChecks.assertValid(FhirChecks.parse(Communication.class, one.text()));
        FhirChecks.assertValid(FhirChecks.parse(
                CapabilityStatement.class, http.get("/fhir/metadata", token).text()));
        TestHttp.assertProblem(
                http.get(
                        "/fhir/Communication?patient=" + f.a(),
                        TestTokens.smartBearerFor(OWN, "user/Patient.read", StaffRole.CLINICIAN)),
                403);
        TestHttp.assertProblem(http.get("/fhir/Communication?patient=" + UUID.randomUUID(), token), 404);
    }

    @Test
    void everyStaffOperationOfTheApiDescriptionIsInTheMatrixAndAskedHere() {
        Set<String> rows = AccessMatrix.of("notification-service").stream()
                .map(Row::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> staffOperations =
                AccessMatrix.staffOperations(http.get("/v3/api-docs", null).json());
        assertThat(staffOperations).isNotEmpty();
        assertThat(rows).as("every staff operation is in the matrix").containsAll(staffOperations);
        Set<String> asked = new TreeSet<>(REQUESTS.keySet());
        asked.addAll(WorkItemRequests.ROWS);
        assertThat(asked).as("a request for every matrix row").containsExactlyInAnyOrderElementsOf(rows);
    }

    /** A change of the client's language, based on the version stored now. */
    private String preferenceChange(UUID client) {
        Long version =
                jdbc
                        .queryForList("SELECT version FROM client_preference WHERE client_id = ?", Long.class, client)
                        .stream()
                        .findFirst()
                        .orElse(0L);
        return "{\"version\":" + version + ",\"language\":\"" + (version % 2 == 0 ? "es" : "en") + "\"}";
    }

    private static List<JsonNode> items(JsonNode json) {
        List<JsonNode> items = new ArrayList<>();
        if (json.isArray()) {
            json.forEach(items::add);
        } else {
            items.add(json);
        }
        return items;
    }

    private synchronized Fixture fixture() {
        if (fixture != null) {
            return fixture;
        }
        Map<UUID, String> phones = new LinkedHashMap<>();
        UUID a = enrolledClient(OWN, phones);
        UUID b = enrolledClient(OTHER, phones);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM care_team_member WHERE (client_id = ? AND staff_id = ?)"
                                        + " OR (client_id = ? AND staff_id = ?)",
                                Long.class,
                                a,
                                OWN,
                                b,
                                OTHER)
                        == 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM recipient WHERE client_id IN (?, ?) AND enrolled",
                                Long.class,
                                a,
                                b)
                        == 2);
        Map<UUID, UUID> messageOf = new LinkedHashMap<>();
        for (UUID client : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !jdbc.queryForList("SELECT id FROM message WHERE client_id = ?", UUID.class, client)
                            .isEmpty());
            messageOf.put(
                    client,
                    jdbc.queryForList(
                                    "SELECT id FROM message WHERE client_id = ? ORDER BY created_at",
                                    UUID.class,
                                    client)
                            .get(0));
            assertThat(inbound(phones.get(client), "running late, sorry")).isEqualTo(204);
        }
        fixture = new Fixture(a, b, Map.copyOf(messageOf));
        return fixture;
    }

    /** An inquirer (acknowledged) enrolled with this clinician as primary. */
    private UUID enrolledClient(String clinician, Map<UUID, String> phones) {
        UUID client = UUID.randomUUID();
        String phone = "+1555" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        phones.put(client, phone);
        String email = "c" + client + "@example.org";
        TestKafka.publish(new InquiryReceived(
                UUID.randomUUID(),
                Instant.now(),
                client,
                UUID.randomUUID(),
                "Sam",
                phone,
                email,
                ContactChannel.SMS,
                true,
                null));
        // acknowledged only while unknown here: the enrollment must not overtake the inquiry
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !jdbc.queryForList("SELECT id FROM message WHERE client_id = ?", UUID.class, client)
                        .isEmpty());
        TestKafka.publish(new ClientEnrolled(
                UUID.randomUUID(),
                Instant.now(),
                client,
                UUID.randomUUID(),
                "MH-IOP-AM",
                LocalDate.now(),
                clinician,
                AgeGroup.ADULT,
                "America/New_York",
                "Sam",
                phone,
                email,
                true,
                true));
        TestKafka.publish(new CareTeamChanged(UUID.randomUUID(), Instant.now(), client, clinician, List.of()));
        return client;
    }

    /** The provider's signed webhook for an SMS from this number. */
    private int inbound(String from, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        form.put("From", from);
        form.put("To", "+15550100199");
        form.put("Body", text);
        String path = "/api/sms/inbound";
        String signature = new TwilioSignature(SMS_TOKEN).sign("http://localhost:" + port + path, form);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header(TwilioSignature.HEADER, signature)
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
