package org.iopcare.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.iopcare.testsupport.TestHttp.assertProblem;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.work.WorkItems;
import org.iopcare.testsupport.AccessMatrix;
import org.iopcare.testsupport.AccessMatrix.Caller;
import org.iopcare.testsupport.AccessMatrix.Expected;
import org.iopcare.testsupport.AccessMatrix.Row;
import org.iopcare.testsupport.FhirChecks;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.testsupport.WorkItemRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * intake's table of the access matrix ({@code docs/architecture.md}, "Who sees what"), asked
 * exactly: every row as every caller, expecting the cell's status and view. Both clinician callers
 * are {@code clin-own}: "own client" asks about a client whose primary clinician they are, "other
 * client" about one of {@code clin-other}'s; every other role asks about the own client. Writes
 * that succeed get a client of their own, so that no answer depends on the order of the cells; a
 * refused write (403, 404) must have changed nothing. A row without a request here, or a staff
 * operation of the API description without a row, fails.
 */
class AccessMatrixIT extends IntakeIT {

    static final String SERVICE = "intake-service";
    static final String OWN_CLINICIAN = "clin-own";
    static final String OTHER_CLINICIAN = "clin-other";

    /** Client a (clin-own's) and client b (clin-other's), made once for the class. */
    static Enrolled a;

    static Enrolled b;

    /** The preferred name a and b share, and no other client: the search row finds exactly them. */
    static final String SEARCHED = "Matrix" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WorkItems workItems;

    @BeforeEach
    void clients() {
        if (a == null) {
            a = enrolled(OWN_CLINICIAN);
            b = enrolled(OTHER_CLINICIAN);
            for (Enrolled client : List.of(a, b)) {
                Response named = send(
                        "PATCH",
                        "/api/clients/" + client.client(),
                        COORDINATOR,
                        "{\"preferredName\":\"%s\"}".formatted(SEARCHED));
                assertThat(named.status()).as(named.text()).isEqualTo(200);
            }
            // a covering clinician opened both records: the grants the review lists
            for (Enrolled client : List.of(a, b)) {
                Response grant = http.postJson(
                        "/api/clients/" + client.client() + "/emergency-access",
                        TestTokens.bearerFor("clin-covering", StaffRole.CLINICIAN),
                        "{\"reason\":\"Crisis call; the primary clinician is away\"}");
                assertThat(grant.status()).as(grant.text()).isEqualTo(201);
            }
        }
    }

    /** What a request of one row sent, and the check that a refused one changed nothing. */
    record Sent(Response response, Runnable unchanged) {}

    /** One row's request, made as this caller with this token. */
    interface Request {
        Sent send(Caller caller, String token);
    }

    /** A row's request; for a list, how to read its clients. */
    record Operation(Request request, Function<JsonNode, Set<String>> listed) {}

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersEveryCallerAsTheMatrixSays() {
        return AccessMatrix.cases(SERVICE, operations(), this::check);
    }

    @Test
    void everyStaffOperationOfTheApiDescriptionIsARowOfTheMatrix() {
        Response docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        AccessMatrix.assertEveryStaffOperationIsARow(SERVICE, docs.json());
    }

    @Test
    void fhirReadsNeedASmartScopeAndAPatientScopeCoversOnlyItsPatient() {
        String noScope = TestTokens.bearerFor("staff-clinical-supervisor", StaffRole.CLINICAL_SUPERVISOR);
        assertProblem(http.get("/fhir/Patient/" + a.client(), noScope), 403);
        String observationsOnly = TestTokens.smartBearerFor(
                "staff-clinical-supervisor", "user/Observation.read", StaffRole.CLINICAL_SUPERVISOR);
        assertProblem(http.get("/fhir/Patient/" + a.client(), observationsOnly), 403);
        assertThat(http.get("/fhir/Observation?patient=" + a.client(), observationsOnly)
                        .status())
                .isEqualTo(200);
        String patientA = TestTokens.bearerWithClaims(
                "staff-clinical-supervisor",
                List.of("CLINICAL_SUPERVISOR"),
                Map.of(
                        "scope",
                        "patient/*.read launch/patient",
                        "patient",
                        a.client().toString()));
        assertThat(http.get("/fhir/Patient/" + a.client(), patientA).status()).isEqualTo(200);
        assertProblem(http.get("/fhir/Patient/" + b.client(), patientA), 403);
        assertProblem(http.get("/fhir/Consent?patient=" + b.client(), patientA), 403);
        // a search names its patient, well formed
        String user =
                TestTokens.smartBearerFor("staff-clinical-supervisor", "user/*.read", StaffRole.CLINICAL_SUPERVISOR);
        assertProblem(http.get("/fhir/Consent", user), 400);
        assertProblem(http.get("/fhir/Observation?patient=Patient/x&date=2026-13-01", user), 400);
        assertProblem(http.get("/fhir/Observation?patient=" + a.client() + "&date=ge2026-02-30", user), 400);
        assertProblem(http.get("/fhir/Observation/" + a.screening(), user), 404);
    }

    @Test
    void everyFhirReadIsAuditedWithTheClientItDiscloses() {
        String token = TestTokens.smartBearerFor(OWN_CLINICIAN, "user/*.read", StaffRole.CLINICIAN);
        Response consents = http.get("/fhir/Consent?patient=" + a.client(), token);
        assertThat(consents.status()).as(consents.text()).isEqualTo(200);
        Long record = jdbc.queryForObject(
                "SELECT max(id) FROM audit_log WHERE kind = 'ACCESS' AND actor = ? AND path_pattern = '/fhir/Consent'",
                Long.class,
                OWN_CLINICIAN);
        assertThat(record).isNotNull();
        assertThat(jdbc.queryForList(
                        "SELECT access_basis FROM audit_log WHERE kind = 'CLIENTS' AND record_id = ? AND ? = ANY(client_ids)",
                        String.class,
                        record,
                        a.client()))
                .containsExactly("CARE_TEAM");
    }

    @Test
    void aClientsFhirResourcesAreValidR4AndSudRecordsCarryPart2Labels() {
        UUID inquiry = contacted(OWN_CLINICIAN);
        UUID screening = screen(inquiry);
        Response enrolled = http.postJson(
                "/api/enrollments",
                COORDINATOR,
                enrollment(inquiry, OWN_CLINICIAN).replace("MH-IOP-AM", "SUD-IOP-PM"));
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        UUID sud = UUID.fromString(enrolled.json().get("id").asString());
        String token = TestTokens.smartBearerFor(OWN_CLINICIAN, "user/*.read", StaffRole.CLINICIAN);

        List<Resource> all = new ArrayList<>();
        Response patient = http.get("/fhir/Patient/" + sud, token);
        assertThat(patient.status()).as(patient.text()).isEqualTo(200);
        Patient p = FhirChecks.parse(Patient.class, patient.text());
        FhirChecks.assertValid(p);
        all.add(p);
        for (String search : List.of("EpisodeOfCare", "Observation", "QuestionnaireResponse", "Consent")) {
            Response found = http.get("/fhir/" + search + "?patient=Patient/" + sud, token);
            assertThat(found.status()).as(found.text()).isEqualTo(200);
            all.addAll(FhirChecks.validMatches(found.text()));
        }
        assertThat(all)
                .extracting(Resource::fhirType)
                .containsExactlyInAnyOrder(
                        "Patient",
                        "EpisodeOfCare",
                        "Observation",
                        "Observation",
                        "QuestionnaireResponse",
                        "QuestionnaireResponse",
                        "Consent",
                        "Consent",
                        "Consent");
        all.forEach(
                r -> assertThat(FhirChecks.securityLabels(r)).as(r.fhirType()).contains("R", "ETH", "42CFRPart2"));
        EpisodeOfCare episode = (EpisodeOfCare) all.get(1);
        assertThat(episode.getIdPart()).isEqualTo(inquiry.toString());
        assertThat(episode.getStatus()).isEqualTo(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);
        assertThat(episode.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("IOP");

        Response phq9 = http.get("/fhir/Observation?patient=" + sud + "&code=http://loinc.org|44261-6", token);
        List<Resource> totals = FhirChecks.validMatches(phq9.text());
        assertThat(totals).singleElement().satisfies(o -> {
            assertThat(o.getIdPart()).isEqualTo(screening + "-phq9");
            assertThat(((Observation) o).getValueIntegerType().getValue()).isEqualTo(10);
        });
        Bundle page = FhirChecks.parse(
                Bundle.class,
                http.getVerbatim("/fhir/Consent?patient=Patient%2F" + sud + "&_count=1", token)
                        .text());
        assertThat(page.getTotal()).isEqualTo(3);
        assertThat(page.getEntry()).hasSize(1);
        // the next link has the parameters encoded once: a client follows it as it is
        URI next = URI.create(page.getLink("next").getUrl());
        assertThat(next.getRawQuery()).isEqualTo("patient=Patient%2F" + sud + "&_count=1&_offset=1");
        Bundle second = FhirChecks.parse(
                Bundle.class,
                http.getVerbatim(next.getRawPath() + "?" + next.getRawQuery(), token)
                        .text());
        assertThat(second.getEntry()).hasSize(1);
        assertThat(second.getEntry().get(0).getResource().getIdPart())
                .isNotEqualTo(page.getEntry().get(0).getResource().getIdPart());

        // a mental health track's records carry no Part 2 label
        Response mh = http.get("/fhir/Patient/" + a.client(), token);
        assertThat(FhirChecks.securityLabels(FhirChecks.parse(Patient.class, mh.text())))
                .isEmpty();
        // the validator does find errors: a Consent without its required elements
        assertThat(FhirChecks.errors(new org.hl7.fhir.r4.model.Consent())).isNotEmpty();
        Response metadata = http.get("/fhir/metadata", token);
        FhirChecks.assertValid(FhirChecks.parse(CapabilityStatement.class, metadata.text()));
    }

    private void check(Row row, Caller caller, Operation operation) {
        Expected expected = row.expected().get(caller);
        String token = row.path().startsWith("/fhir/")
                ? TestTokens.smartBearerFor(subject(caller), "user/*.read", StaffRole.valueOf(caller.role()))
                : TestTokens.bearerFor(subject(caller), StaffRole.valueOf(caller.role()));
        if (WorkItemRequests.ROWS.contains(row.key())) {
            new WorkItemRequests(http, workItems, jdbc).check(row, caller, token, a.client(), b.client());
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
        if (row.key().equals("GET /api/screenings/{id}") && expected.status() == 200) {
            // the item answers are what "results" leaves out; a full view has them
            JsonNode screening = response.json();
            assertThat(screening.get("phq9Score").isNumber()).isTrue();
            boolean resultsOnly = expected.view().filter("results"::equals).isPresent();
            assertThat(screening.path("phq9").isArray())
                    .as("item answers shown")
                    .isEqualTo(!resultsOnly);
            assertThat(screening.path("gad7").isArray())
                    .as("item answers shown")
                    .isEqualTo(!resultsOnly);
            return;
        }
        if (expected.view().isEmpty()) {
            return;
        }
        if (operation.listed() == null) {
            fail("%s names the view '%s' but this suite reads no clients from its answer", row.key(), expected);
        }
        Set<String> listed = operation.listed().apply(response.json());
        String own = a.client().toString();
        String other = b.client().toString();
        switch (expected.view().get()) {
            case "all" -> assertThat(listed).contains(own, other);
            case "own" -> assertThat(listed).contains(own).doesNotContain(other);
            default ->
                fail("view '%s' of %s is none intake serves", expected.view().get(), row.key());
        }
    }

    private Map<String, Operation> operations() {
        Map<String, Operation> ops = new HashMap<>();
        ops.put(
                "GET /api/inquiries",
                new Operation(
                        (ReadRequest) (c, t) -> http.get("/api/inquiries?size=200", t),
                        page -> values(page.path("content"), "clientId")));
        ops.put("GET /api/inquiries/{id}", read(((c, t) -> http.get("/api/inquiries/" + of(c).inquiry(), t))));
        ops.put(
                "GET /api/inquiries/{id}/history",
                read(((c, t) -> http.get("/api/inquiries/" + of(c).inquiry() + "/history", t))));
        ops.put("PATCH /api/inquiries/{id}", write((c, t) -> {
            UUID inquiry = of(c).inquiry();
            int notes = count("SELECT count(*) FROM inquiry_note WHERE inquiry_id = ?", inquiry);
            return new Sent(
                    send("PATCH", "/api/inquiries/" + inquiry, t, "{\"note\":\"Left a voicemail, will call again\"}"),
                    () -> assertThat(count("SELECT count(*) FROM inquiry_note WHERE inquiry_id = ?", inquiry))
                            .isEqualTo(notes));
        }));
        ops.put("POST /api/inquiries/{id}/screenings", write((c, t) -> {
            UUID inquiry = contacted(clinicianOf(c));
            return new Sent(
                    http.postJson("/api/inquiries/" + inquiry + "/screenings", t, SCREENING_REQUEST),
                    () -> assertThat(count("SELECT count(*) FROM screening WHERE inquiry_id = ?", inquiry))
                            .isZero());
        }));
        ops.put("GET /api/screenings/{id}", read(((c, t) -> http.get("/api/screenings/" + of(c).screening(), t))));
        ops.put("POST /api/screenings/{id}/override", write((c, t) -> {
            UUID screening = screen(contacted(clinicianOf(c)));
            String before = row("screening", screening);
            return new Sent(
                    http.postJson(
                            "/api/screenings/" + screening + "/override",
                            t,
                            "{\"level\":\"PHP\",\"reason\":\"Lives alone, needs daily structure\"}"),
                    () -> assertThat(row("screening", screening)).isEqualTo(before));
        }));
        ops.put("POST /api/enrollments", write((c, t) -> {
            UUID inquiry = contacted(clinicianOf(c));
            screen(inquiry);
            return new Sent(
                    http.postJson("/api/enrollments", t, enrollment(inquiry, clinicianOf(c))),
                    () -> assertThat(count("SELECT count(*) FROM enrollment WHERE inquiry_id = ?", inquiry))
                            .isZero());
        }));
        ops.put(
                "GET /api/clients",
                new Operation(
                        (ReadRequest) (c, t) -> http.get("/api/clients?q=" + SEARCHED + "&size=100", t),
                        page -> values(page.path("content"), "id")));
        ops.put("GET /api/clients/{id}", read(((c, t) -> http.get("/api/clients/" + of(c).client(), t))));
        ops.put("PATCH /api/clients/{id}", write((c, t) -> {
            UUID client = enrolled(clinicianOf(c)).client();
            String before = row("client", client);
            return new Sent(
                    send("PATCH", "/api/clients/" + client, t, "{\"preferredName\":\"Sammy\"}"),
                    () -> assertThat(row("client", client)).isEqualTo(before));
        }));
        ops.put("POST /api/clients/{id}/transfer", write((c, t) -> {
            UUID client = enrolled(clinicianOf(c)).client();
            String sql = "SELECT string_agg(track_code, ',') FROM enrollment WHERE client_id = ?";
            String before = jdbc.queryForObject(sql, String.class, client);
            return new Sent(
                    http.postJson(
                            "/api/clients/" + client + "/transfer",
                            t,
                            "{\"trackCode\":\"MH-IOP-PM\",\"effectiveDate\":\"%s\"}"
                                    .formatted(LocalDate.now(ZoneId.of("America/Chicago"))
                                            .plusDays(7))),
                    () -> assertThat(jdbc.queryForObject(sql, String.class, client))
                            .isEqualTo(before));
        }));
        ops.put("POST /api/clients/{id}/discharge", write((c, t) -> {
            UUID client = enrolled(clinicianOf(c)).client();
            String before = row("client", client);
            int enrollments =
                    count("SELECT count(*) FROM enrollment WHERE client_id = ? AND discharged_at IS NULL", client);
            return new Sent(
                    http.postJson("/api/clients/" + client + "/discharge", t, "{\"reason\":\"COMPLETED\"}"), () -> {
                        assertThat(row("client", client)).isEqualTo(before);
                        assertThat(count(
                                        "SELECT count(*) FROM enrollment WHERE client_id = ? AND discharged_at IS NULL",
                                        client))
                                .isEqualTo(enrollments);
                    });
        }));
        ops.put(
                "GET /api/clients/{id}/care-team",
                read(((c, t) -> http.get("/api/clients/" + of(c).client() + "/care-team", t))));
        ops.put("PUT /api/clients/{id}/care-team", write((c, t) -> {
            UUID client = enrolled(clinicianOf(c)).client();
            String before = team(client);
            String body = """
                    {"primaryClinicianId":"%s","members":[{"staffId":"cm-%s","role":"CASE_MANAGER"}]}
                    """.formatted(clinicianOf(c), UUID.randomUUID());
            return new Sent(
                    send("PUT", "/api/clients/" + client + "/care-team", t, body),
                    () -> assertThat(team(client)).isEqualTo(before));
        }));
        ops.put("POST /api/clients/{id}/emergency-access", write((c, t) -> {
            UUID client = enrolled(clinicianOf(c)).client();
            return new Sent(
                    http.postJson(
                            "/api/clients/" + client + "/emergency-access",
                            t,
                            "{\"reason\":\"Client called in crisis; the primary clinician is away\"}"),
                    () -> assertThat(count("SELECT count(*) FROM emergency_access_grant WHERE client_id = ?", client))
                            .isZero());
        }));
        ops.put(
                "GET /api/emergency-access",
                new Operation(
                        (ReadRequest) (c, t) -> http.get("/api/emergency-access?size=200", t),
                        grants -> values(grants, "clientId")));
        ops.put("GET /api/staff", read(((c, t) -> http.get("/api/staff", t))));
        // the audit trail's review and verification, which every service serves alike
        ops.put("GET /api/audit", read((c, t) -> http.get("/api/audit?size=1", t)));
        ops.put("GET /api/audit/verification", read((c, t) -> http.get("/api/audit/verification", t)));
        // the FHIR read API (docs/fhir.md): the same rows as the REST reads of the same data
        ops.put("GET /fhir/metadata", read((c, t) -> http.get("/fhir/metadata", t)));
        ops.put("GET /fhir/Patient/{id}", read((c, t) -> http.get("/fhir/Patient/" + of(c).client(), t)));
        ops.put("GET /fhir/EpisodeOfCare/{id}", read((c, t) -> http.get("/fhir/EpisodeOfCare/" + of(c).inquiry(), t)));
        ops.put(
                "GET /fhir/EpisodeOfCare",
                read((c, t) -> http.get("/fhir/EpisodeOfCare?patient=" + of(c).client(), t)));
        ops.put(
                "GET /fhir/Observation/{id}",
                read((c, t) -> http.get("/fhir/Observation/" + of(c).screening() + "-phq9", t)));
        ops.put(
                "GET /fhir/Observation",
                read((c, t) -> http.get("/fhir/Observation?patient=Patient/" + of(c).client() + "&code=44261-6", t)));
        ops.put(
                "GET /fhir/QuestionnaireResponse/{id}",
                read((c, t) -> http.get("/fhir/QuestionnaireResponse/" + of(c).screening() + "-gad7", t)));
        ops.put(
                "GET /fhir/QuestionnaireResponse",
                read((c, t) -> http.get("/fhir/QuestionnaireResponse?patient=" + of(c).client(), t)));
        ops.put("GET /fhir/Consent/{id}", read((c, t) -> http.get("/fhir/Consent/" + of(c).client() + "-part2", t)));
        ops.put(
                "GET /fhir/Consent",
                read((c, t) -> http.get("/fhir/Consent?patient=" + of(c).client() + "&_count=2", t)));
        // the work items, which every service serves alike (asked by WorkItemRequests)
        WorkItemRequests.ROWS.forEach(row -> ops.put(row, new Operation(null, null)));
        return ops;
    }

    /** The staff subject a caller's token names. */
    static String subject(Caller caller) {
        return switch (caller) {
            case CLINICIAN_OWN, CLINICIAN_OTHER -> OWN_CLINICIAN;
            default -> "staff-" + caller.role().toLowerCase().replace('_', '-');
        };
    }

    /** The client a caller asks about: the other clinician's for "other", else clin-own's. */
    static Enrolled of(Caller caller) {
        return caller == Caller.CLINICIAN_OTHER ? b : a;
    }

    /** The primary clinician of a fresh client a caller asks about. */
    static String clinicianOf(Caller caller) {
        return caller == Caller.CLINICIAN_OTHER ? OTHER_CLINICIAN : OWN_CLINICIAN;
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    /** A row as text, to compare before and after a refused write. */
    private String row(String table, UUID id) {
        return jdbc.queryForObject("SELECT row_to_json(t)::text FROM " + table + " t WHERE id = ?", String.class, id);
    }

    private String team(UUID client) {
        return jdbc.queryForObject(
                "SELECT coalesce(string_agg(staff_id || ':' || team_role, ',' ORDER BY staff_id), '') "
                        + "FROM care_team WHERE client_id = ?",
                String.class,
                client);
    }

    private static Operation write(Request request) {
        return new Operation(request, null);
    }

    private static Operation read(ReadRequest request) {
        return new Operation(request, null);
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
}
