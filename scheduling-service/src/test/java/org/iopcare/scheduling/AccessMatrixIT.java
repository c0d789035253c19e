package org.iopcare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.iopcare.testsupport.TestHttp.assertProblem;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Resource;
import org.iopcare.scheduling.AccessFixtures.Fixtures;
import org.iopcare.support.caseload.CareTeamProjection;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.work.WorkItems;
import org.iopcare.testsupport.AccessMatrix;
import org.iopcare.testsupport.AccessMatrix.Caller;
import org.iopcare.testsupport.AccessMatrix.Expected;
import org.iopcare.testsupport.AccessMatrix.Row;
import org.iopcare.testsupport.FhirChecks;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.testsupport.WorkItemRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Scheduling's table of the access matrix ({@code docs/architecture.md}, "Who sees what"), asked
 * exactly: every row as every caller, expecting the cell's status and view. A clinician ({@code
 * clin-own}) asks about client a, on their care team, and about client b, on {@code clin-other}'s;
 * every other role asks about a. A refused write (403, 404) must have changed nothing. A row
 * without a request here, or a staff operation of the API description without a row, fails.
 */
class AccessMatrixIT extends SchedulingIT {

    static final String SERVICE = "scheduling-service";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CareTeamProjection careTeams;

    @Autowired
    WorkItems workItems;

    AccessFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AccessFixtures(jdbc, careTeams, http);
    }

    /** What a request of one row sent, and the check that a refused one changed nothing. */
    record Sent(Response response, Runnable unchanged) {}

    /** One row's request, made as this caller with this token. */
    interface Request {
        Sent send(Caller caller, String token);
    }

    /** A row's request; for a list, how to read its clients and the own and other one to look for. */
    record Operation(Request request, Function<JsonNode, Set<String>> listed, UUID own, UUID other) {}

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersEveryCallerAsTheMatrixSays() {
        return AccessMatrix.cases(SERVICE, operations(fixtures.get()), this::check);
    }

    @Test
    void everyStaffOperationOfTheApiDescriptionIsARowOfTheMatrix() {
        Response docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        AccessMatrix.assertEveryStaffOperationIsARow(SERVICE, docs.json());
    }

    /** One attended session per client, taken once: an Encounter and a fulfilled Appointment. */
    static final Map<UUID, UUID> ATTENDED = new ConcurrentHashMap<>();

    UUID attended(UUID client) {
        return ATTENDED.computeIfAbsent(client, c -> attended(c, "PRESENT"));
    }

    private UUID attended(UUID client, String attendance) {
        UUID session = fixtures.runningIndividualSession(client);
        Response taken = http.postJson(
                "/api/sessions/" + session + "/attendance",
                TestTokens.bearerFor("staff-scheduler", StaffRole.SCHEDULER),
                "{\"attendance\": \"%s\"}".formatted(attendance));
        assertThat(taken.status()).as(taken.text()).isEqualTo(200);
        return session;
    }

    @Test
    void aClientsSessionsAreValidFhirAppointmentsAndEncountersWithPart2LabelsOnASudTrack() {
        UUID client = UUID.randomUUID();
        fixtures.team(client, AccessFixtures.OWN_CLINICIAN);
        TestKafka.publish(AccessFixtures.enrolled(client, "SUD-IOP-AM", AccessFixtures.OWN_CLINICIAN));
        fixtures.awaitStatus(client, "ACTIVE");
        UUID present = attended(client, "PRESENT");
        UUID missed = attended(client, "ABSENT");
        String token = TestTokens.smartBearerFor(AccessFixtures.OWN_CLINICIAN, "user/*.read", StaffRole.CLINICIAN);

        Response found = http.get("/fhir/Appointment?patient=" + client + "&_count=100", token);
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        List<Resource> appointments = FhirChecks.validMatches(found.text());
        assertThat(appointments).hasSizeGreaterThan(2);
        appointments.forEach(a -> assertThat(FhirChecks.securityLabels(a)).contains("R", "ETH", "42CFRPart2"));
        Map<String, Appointment.AppointmentStatus> statuses = appointments.stream()
                .map(Appointment.class::cast)
                .collect(Collectors.toMap(Appointment::getIdPart, Appointment::getStatus));
        assertThat(statuses).containsEntry(present.toString(), Appointment.AppointmentStatus.FULFILLED);
        assertThat(statuses).containsEntry(missed.toString(), Appointment.AppointmentStatus.NOSHOW);
        assertThat(statuses.values()).contains(Appointment.AppointmentStatus.BOOKED);

        Response encounters = http.get("/fhir/Encounter?patient=" + client, token);
        assertThat(FhirChecks.validMatches(encounters.text())).singleElement().satisfies(e -> {
            assertThat(e.getIdPart()).isEqualTo(present.toString());
            assertThat(((Encounter) e).getLength().getValue().intValue()).isPositive();
        });
        Response tracks = http.get("/fhir/HealthcareService", token);
        assertThat(FhirChecks.validMatches(tracks.text()))
                .extracting(Resource::getIdPart)
                .contains("SUD-IOP-AM", "MH-IOP-AM");
        FhirChecks.assertValid(FhirChecks.parse(
                CapabilityStatement.class, http.get("/fhir/metadata", token).text()));

        // no scope, another patient's context: refused; a date that is none: a problem
        assertProblem(
                http.get("/fhir/Appointment?patient=" + client, TestTokens.bearerFor("x", StaffRole.SCHEDULER)), 403);
        assertProblem(http.get("/fhir/Appointment?patient=" + client + "&date=lt2026-02-30", token), 400);
    }

    private void check(Row row, Caller caller, Operation operation) {
        Expected expected = row.expected().get(caller);
        String token = row.path().startsWith("/fhir/")
                ? TestTokens.smartBearerFor(subject(caller), "user/*.read", StaffRole.valueOf(caller.role()))
                : TestTokens.bearerFor(subject(caller), StaffRole.valueOf(caller.role()));
        if (WorkItemRequests.ROWS.contains(row.key())) {
            new WorkItemRequests(http, workItems, jdbc).check(row, caller, token, operation.own(), operation.other());
            return;
        }
        Sent sent = operation.request().send(caller, token);
        Response response = sent.response();
        if (expected.status() >= 400) {
            assertProblem(response, expected.status());
            sent.unchanged().run();
        } else {
            assertThat(response.status()).as(response.text()).isEqualTo(expected.status());
        }
        if (expected.view().isEmpty()) {
            return;
        }
        if (operation.listed() == null) {
            fail("%s names the view '%s' but this suite reads no clients from its answer", row.key(), expected);
        }
        Set<String> listed = operation.listed().apply(response.json());
        String own = operation.own().toString();
        String other = operation.other().toString();
        switch (expected.view().get()) {
            case "all" -> assertThat(listed).contains(own, other);
            case "own" -> assertThat(listed).contains(own).doesNotContain(other);
            default ->
                fail(
                        "view '%s' of %s is none scheduling serves",
                        expected.view().get(), row.key());
        }
    }

    private Map<String, Operation> operations(Fixtures f) {
        Map<String, Operation> ops = new HashMap<>();
        ops.put("GET /api/tracks", read((c, t) -> http.get("/api/tracks", t)));
        ops.put("GET /api/tracks/{code}", read((c, t) -> http.get("/api/tracks/" + f.track(), t)));
        ops.put("POST /api/tracks", write((c, t) -> {
            String code = AccessFixtures.code("AM-N");
            return new Sent(
                    http.postJson("/api/tracks", t, AccessFixtures.trackJson(code, 12)),
                    () -> assertThat(fixtures.count("SELECT count(*) FROM program_track WHERE code = ?", code))
                            .isZero());
        }));
        ops.put("PUT /api/tracks/{code}", write((c, t) -> {
            Object before = fixtures.trackVersion(f.spareTrack());
            return new Sent(
                    http.exchange(
                            HttpMethod.PUT,
                            "/api/tracks/" + f.spareTrack(),
                            t,
                            MediaType.APPLICATION_JSON,
                            AccessFixtures.trackJson(f.spareTrack(), 12)),
                    () -> assertThat(fixtures.trackVersion(f.spareTrack())).isEqualTo(before));
        }));
        ops.put("POST /api/tracks/{code}/retire", write((c, t) -> {
            String code = AccessFixtures.code("RT-N");
            Response created = http.postJson(
                    "/api/tracks", TestTokens.bearer(StaffRole.PROGRAM_ADMIN), AccessFixtures.trackJson(code, 12));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            return new Sent(
                    http.postJson("/api/tracks/" + code + "/retire", t, null),
                    () -> assertThat(fixtures.count(
                                    "SELECT count(*) FROM program_track WHERE code = ? AND status = 'RETIRED'", code))
                            .isZero());
        }));
        ops.put("POST /api/closures", write((c, t) -> {
            int before = fixtures.count("SELECT count(*) FROM closure WHERE track_code = ?", f.spareTrack());
            String day = f.groupDay().plusDays(300).toString();
            return new Sent(
                    http.postJson(
                            "/api/closures",
                            t,
                            "{\"firstDay\": \"%s\", \"lastDay\": \"%s\", \"trackCode\": \"%s\"}"
                                    .formatted(day, day, f.spareTrack())),
                    () -> assertThat(
                                    fixtures.count("SELECT count(*) FROM closure WHERE track_code = ?", f.spareTrack()))
                            .isEqualTo(before));
        }));
        ops.put("GET /api/closures", read((c, t) -> http.get("/api/closures", t)));
        ops.put("DELETE /api/closures/{id}", write((c, t) -> {
            UUID closure = fixtures.futureClosure(f.spareTrack());
            return new Sent(
                    http.exchange(HttpMethod.DELETE, "/api/closures/" + closure, t, null, null),
                    () -> assertThat(fixtures.count("SELECT count(*) FROM closure WHERE id = ?", closure))
                            .isOne());
        }));
        ops.put(
                "GET /api/tracks/{code}/waitlist",
                list(
                        (c, t) -> http.get("/api/tracks/" + f.waitTrack() + "/waitlist", t),
                        json -> values(json, "clientId"),
                        f.waitingA(),
                        f.waitingB()));
        ops.put(
                "GET /api/booking-needs",
                list((c, t) -> http.get("/api/booking-needs", t), json -> values(json, "clientId"), f.a(), f.b()));
        ops.put(
                "GET /api/clients/{id}/enrollment",
                read((c, t) -> http.get("/api/clients/" + client(f, c) + "/enrollment", t)));
        ops.put(
                "GET /api/clients/{id}/sessions",
                read((c, t) -> http.get("/api/clients/" + client(f, c) + "/sessions", t)));
        ops.put("POST /api/clients/{id}/sessions", write((c, t) -> {
            UUID client = client(f, c);
            Instant at = fixtures.nextSlot();
            return new Sent(
                    http.postJson("/api/clients/" + client + "/sessions", t, AccessFixtures.booking(at)),
                    () -> assertThat(fixtures.count(
                                    "SELECT count(*) FROM client_session WHERE client_id = ? AND starts_at = ?",
                                    client,
                                    Timestamp.from(at)))
                            .isZero());
        }));
        ops.put("POST /api/clients/{id}/make-ups", write((c, t) -> {
            UUID client = client(f, c);
            UUID group = fixtures.futureGroup(f.spareTrack());
            return new Sent(
                    http.postJson("/api/clients/" + client + "/make-ups", t, "{\"groupSessionId\": \"" + group + "\"}"),
                    () -> assertThat(fixtures.count(
                                    "SELECT count(*) FROM client_session WHERE group_session_id = ?", group))
                            .isZero());
        }));
        ops.put("POST /api/sessions/{id}/cancel", write((c, t) -> {
            UUID session = fixtures.bookedSession(client(f, c));
            return new Sent(
                    http.postJson("/api/sessions/" + session + "/cancel", t, "{\"reason\": \"STAFF\"}"),
                    () -> assertThat(fixtures.sessionStatus(session)).isEqualTo("SCHEDULED"));
        }));
        ops.put("POST /api/sessions/{id}/reschedule", write((c, t) -> {
            UUID session = fixtures.bookedSession(client(f, c));
            Object before = fixtures.startOf(session);
            return new Sent(
                    http.postJson(
                            "/api/sessions/" + session + "/reschedule",
                            t,
                            "{\"localStart\": \"%s\", \"clinicianId\": \"%s\"}"
                                    .formatted(fixtures.rescheduleTarget(), fixtures.clinicianWithHours())),
                    () -> assertThat(fixtures.startOf(session)).isEqualTo(before));
        }));
        ops.put(
                "GET /api/clinicians/{id}/availability",
                read((c, t) -> http.get("/api/clinicians/" + AccessFixtures.OWN_CLINICIAN + "/availability", t)));
        ops.put("PUT /api/clinicians/{id}/availability", write((c, t) -> {
            String clinician = AccessFixtures.code("clin-put").toLowerCase();
            return new Sent(
                    http.exchange(
                            HttpMethod.PUT,
                            "/api/clinicians/" + clinician + "/availability",
                            t,
                            MediaType.APPLICATION_JSON,
                            "{\"weeklyHours\": [{\"day\": \"MONDAY\", \"start\": \"09:00\", \"end\": \"12:00\"}]}"),
                    () -> assertThat(fixtures.count(
                                    "SELECT count(*) FROM clinician_availability WHERE clinician_id = ?", clinician))
                            .isZero());
        }));
        ops.put("POST /api/sessions/{id}/attendance", write((c, t) -> {
            UUID session = fixtures.runningIndividualSession(client(f, c));
            return new Sent(
                    http.postJson("/api/sessions/" + session + "/attendance", t, "{\"attendance\": \"PRESENT\"}"),
                    () -> assertThat(fixtures.attendance(session)).isNull());
        }));
        ops.put(
                "GET /api/group-sessions",
                list(
                        (c, t) -> http.get("/api/group-sessions?date=" + f.groupDay() + "&track=" + f.track(), t),
                        AccessMatrixIT::rosterClients,
                        f.a(),
                        f.b()));
        ops.put("POST /api/group-sessions/{id}/attendance", write((c, t) -> {
            UUID group = fixtures.runningGroup();
            UUID seatA = fixtures.seat(f.a(), group);
            UUID seatB = fixtures.seat(f.b(), group);
            return new Sent(
                    http.postJson(
                            "/api/group-sessions/" + group + "/attendance",
                            t,
                            "{\"entries\": [{\"clientId\": \"%s\", \"attendance\": \"PRESENT\"}]}"
                                    .formatted(client(f, c))),
                    () -> {
                        assertThat(fixtures.attendance(seatA)).isNull();
                        assertThat(fixtures.attendance(seatB)).isNull();
                    });
        }));
        ops.put(
                "GET /api/clients/{id}/attendance-summary",
                read((c, t) -> http.get("/api/clients/" + client(f, c) + "/attendance-summary", t)));
        // the FHIR read API (docs/fhir.md): the same rows as the REST reads of the same data
        ops.put("GET /fhir/metadata", read((c, t) -> http.get("/fhir/metadata", t)));
        ops.put(
                "GET /fhir/HealthcareService/{id}",
                read((c, t) -> http.get("/fhir/HealthcareService/" + f.track(), t)));
        ops.put("GET /fhir/HealthcareService", read((c, t) -> http.get("/fhir/HealthcareService?_count=2", t)));
        ops.put(
                "GET /fhir/Appointment/{id}",
                read((c, t) -> http.get("/fhir/Appointment/" + attended(client(f, c)), t)));
        ops.put("GET /fhir/Appointment", read((c, t) -> http.get("/fhir/Appointment?patient=" + client(f, c), t)));
        ops.put("GET /fhir/Encounter/{id}", read((c, t) -> http.get("/fhir/Encounter/" + attended(client(f, c)), t)));
        ops.put(
                "GET /fhir/Encounter",
                read((c, t) -> http.get("/fhir/Encounter?patient=Patient/" + client(f, c) + "&date=ge2026-01-01", t)));
        // the audit trail's review and verification, which every service serves alike
        ops.put("GET /api/audit", read((c, t) -> http.get("/api/audit?size=1", t)));
        ops.put("GET /api/audit/verification", read((c, t) -> http.get("/api/audit/verification", t)));
        // the work items, which every service serves alike (asked by WorkItemRequests)
        WorkItemRequests.ROWS.forEach(row -> ops.put(row, new Operation(null, null, f.a(), f.b())));
        return ops;
    }

    /** The staff subject a caller's token names. */
    static String subject(Caller caller) {
        return switch (caller) {
            case CLINICIAN_OWN, CLINICIAN_OTHER -> AccessFixtures.OWN_CLINICIAN;
            default -> "staff-" + caller.role().toLowerCase().replace('_', '-');
        };
    }

    /** The client a caller asks about: the other clinician's client for "other", else client a. */
    static UUID client(Fixtures f, Caller caller) {
        return caller == Caller.CLINICIAN_OTHER ? f.b() : f.a();
    }

    private static Operation write(Request request) {
        return new Operation(request, null, null, null);
    }

    private static Operation list(ReadRequest request, Function<JsonNode, Set<String>> listed, UUID own, UUID other) {
        return new Operation(request, listed, own, other);
    }

    /** A read changes nothing, so there is nothing to check after a refusal. */
    private static Operation read(ReadRequest request) {
        return new Operation(request, null, null, null);
    }

    /** A read: its refusal has nothing to leave unchanged. */
    interface ReadRequest extends Request {
        Response get(Caller caller, String token);

        @Override
        default Sent send(Caller caller, String token) {
            return new Sent(get(caller, token), () -> {});
        }
    }

    private static Set<String> values(JsonNode array, String field) {
        Set<String> values = new LinkedHashSet<>();
        if (array.isArray()) {
            array.forEach(item -> values.add(item.get(field).asString()));
        }
        return values;
    }

    private static Set<String> rosterClients(JsonNode groups) {
        Set<String> clients = new LinkedHashSet<>();
        if (groups.isArray()) {
            groups.forEach(g -> clients.addAll(values(g.get("roster"), "clientId")));
        }
        return clients;
    }
}
