package org.iopcare.treatmentplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.iopcare.testsupport.TestHttp.assertProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
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
import org.iopcare.treatmentplan.plan.PlanTestClient;
import org.iopcare.treatmentplan.plan.ReviewSchedule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The treatment-plan-service table of the access matrix ({@code docs/architecture.md}, "Who sees
 * what"), asked exactly as written: every operation as every caller. Client A is on {@code
 * clin-own}'s care team, client B on {@code clin-other}'s; "own client" is {@code clin-own} asking
 * about A, "other client" {@code clin-own} asking about B, every other role asks about A. A refusal
 * changes nothing, and a 404 is the very problem a plan or client that does not exist gets.
 */
class AccessMatrixIT extends TreatmentPlanIT {

    static final String SERVICE = "treatment-plan-service";

    static final String OWN = "clin-own";
    static final String OTHER = "clin-other";
    static final String SETUP = TestTokens.bearerFor("staff-matrix-setup", StaffRole.CLINICAL_SUPERVISOR);
    static final String SETUP_FHIR =
            TestTokens.smartBearerFor("staff-matrix-setup", "user/*.read", StaffRole.CLINICAL_SUPERVISOR);
    static final String REVIEW = "{\"participants\": [\"clin-own\"], \"outcome\": \"KEEP\", \"note\": \"Matrix\"}";
    static final String PROGRESS = """
            {"format": "DAP", "data": "Matrix", "assessment": "Matrix", "plan": "Matrix", "objectives": [],
             "riskCheck": "NO_RISK_IDENTIFIED"}
            """;
    static final String COUNSELLOR = TestTokens.bearerFor(COSIGNED_COUNSELLOR, StaffRole.CLINICIAN);
    static final String ADDENDUM = "{\"text\": \"Matrix addendum\"}";
    static final String NOTE_EDIT = """
            {"basedOnVersion": 1, "content": {
              "group": {"topic": "Matrix", "modality": "GROUP_THERAPY", "interventions": ["Check-in"]},
              "attendee": {"participation": "MINIMAL", "progress": "NO_CHANGE", "riskCheck": "NO_RISK_IDENTIFIED"}}}
            """;
    static final String ASSESSMENT = "{\"instrument\": \"GAD7\", \"answers\": [0,0,0,0,0,0,0]}";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CareTeamProjection careTeams;

    @Autowired
    ReviewSchedule reviews;

    @Autowired
    WorkItems workItems;

    record Target(UUID client, UUID plan) {}

    record Request(HttpMethod method, String path, String body) {}

    /**
     * How to ask one operation about a target, after preparing the target (as the caller, whose
     * token is given, where the row needs something of the caller's own) if the row needs it.
     */
    record Operation(BiConsumer<Target, String> prepare, Function<Target, Request> request) {

        Operation(Consumer<Target> prepare, Function<Target, Request> request) {
            this((target, token) -> prepare.accept(target), request);
        }
    }

    /** One request per row of the table, keyed as the row is. */
    Map<String, Operation> operations() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("GET /api/clients/{id}/plan", read(t -> "/api/clients/" + t.client() + "/plan"));
        ops.put("GET /api/plans/{id}/versions", read(t -> "/api/plans/" + t.plan() + "/versions"));
        ops.put("GET /api/plans/{id}/versions/{number}", read(t -> "/api/plans/" + t.plan() + "/versions/1"));
        ops.put(
                "POST /api/plans/{id}/versions",
                new Operation(
                        t -> {},
                        t -> new Request(
                                HttpMethod.POST,
                                "/api/plans/" + t.plan() + "/versions",
                                PlanTestClient.versionBody(currentVersion(t.plan()), "Matrix"))));
        // a fresh version before each activation, so that every allowed caller has one to activate
        ops.put(
                "POST /api/plans/{id}/activate",
                new Operation(
                        t -> writeVersion(t.plan()),
                        t -> new Request(
                                HttpMethod.POST,
                                "/api/plans/" + t.plan() + "/activate",
                                PlanTestClient.activationBody(Math.max(1, currentVersion(t.plan()))))));
        ops.put(
                "GET /api/plans/reviews-due",
                new Operation(
                        t -> jdbc.update(
                                "UPDATE treatment_plan SET next_review_due = ? WHERE client_id IN (?, ?)",
                                reviews.today().minusDays(1),
                                fixtures.a().client(),
                                fixtures.b().client()),
                        t -> new Request(HttpMethod.GET, "/api/plans/reviews-due", null)));
        ops.put(
                "POST /api/plans/{id}/reviews",
                new Operation(
                        t -> {}, t -> new Request(HttpMethod.POST, "/api/plans/" + t.plan() + "/reviews", REVIEW)));
        ops.put("GET /api/plans/{id}/reviews", read(t -> "/api/plans/" + t.plan() + "/reviews"));
        ops.put("GET /api/clients/{id}/assessments", read(t -> "/api/clients/" + t.client() + "/assessments"));
        ops.put(
                "POST /api/clients/{id}/assessments",
                new Operation(
                        t -> {},
                        t -> new Request(HttpMethod.POST, "/api/clients/" + t.client() + "/assessments", ASSESSMENT)));
        ops.put("GET /api/clients/{id}/notes", read(t -> "/api/clients/" + t.client() + "/notes"));
        // the FHIR read API (docs/fhir.md): the same rows as the REST reads of the same data
        ops.put("GET /fhir/metadata", read(t -> "/fhir/metadata"));
        ops.put("GET /fhir/CarePlan/{id}", read(t -> "/fhir/CarePlan/" + t.plan()));
        ops.put("GET /fhir/CarePlan/{id}/_history/{version}", read(t -> "/fhir/CarePlan/" + t.plan() + "/_history/1"));
        ops.put("GET /fhir/CarePlan", read(t -> "/fhir/CarePlan?patient=" + t.client()));
        ops.put("GET /fhir/Provenance/{id}", read(t -> "/fhir/Provenance/" + t.plan() + "-1"));
        ops.put("GET /fhir/Provenance", read(t -> "/fhir/Provenance?patient=Patient/" + t.client()));
        ops.put("GET /fhir/Observation/{id}", read(t -> "/fhir/Observation/" + assessmentOf(t.client())));
        ops.put("GET /fhir/Observation", read(t -> "/fhir/Observation?patient=" + t.client() + "&code=70274-6"));
        ops.put(
                "POST /api/clients/{id}/notes",
                new Operation(
                        t -> prepared.put(t.client(), heldSession(t.client(), "INDIVIDUAL_THERAPY")),
                        t -> new Request(
                                HttpMethod.POST,
                                "/api/clients/" + t.client() + "/notes",
                                "{\"sessionId\": \"" + preparedFor(t) + "\", \"progress\": " + PROGRESS + "}")));
        ops.put("GET /api/notes/{id}", read(t -> "/api/notes/" + fixtureNote(t)));
        ops.put("GET /api/notes/{id}/versions", read(t -> "/api/notes/" + fixtureNote(t) + "/versions"));
        // a draft of the caller's own: only its author edits and signs a draft
        ops.put(
                "PUT /api/notes/{id}",
                new Operation(
                        (t, token) -> prepared.put(t.client(), firstNote(draftGroupNote(t, token))),
                        t -> new Request(HttpMethod.PUT, "/api/notes/" + preparedFor(t), NOTE_EDIT)));
        ops.put(
                "POST /api/notes/{id}/sign",
                new Operation(
                        (t, token) -> prepared.put(t.client(), firstNote(draftGroupNote(t, token))),
                        t -> new Request(HttpMethod.POST, "/api/notes/" + preparedFor(t) + "/sign", null)));
        // a note the counsellor signed, and a version the counsellor wrote: both wait for a supervisor
        ops.put(
                "POST /api/notes/{id}/cosign",
                new Operation(
                        t -> prepared.put(t.client(), firstNote(pendingGroupNote(t))),
                        t -> new Request(HttpMethod.POST, "/api/notes/" + preparedFor(t) + "/cosign", null)));
        ops.put(
                "POST /api/plans/{id}/versions/{number}/cosign",
                new Operation(
                        t -> preparedVersions.put(t.client(), counsellorVersion(t.plan())),
                        t -> new Request(
                                HttpMethod.POST,
                                "/api/plans/" + t.plan() + "/versions/" + preparedVersions.getOrDefault(t.client(), 1)
                                        + "/cosign",
                                null)));
        ops.put(
                "POST /api/notes/{id}/addenda",
                new Operation(
                        t -> {},
                        t -> new Request(HttpMethod.POST, "/api/notes/" + fixtureNote(t) + "/addenda", ADDENDUM)));
        ops.put(
                "POST /api/group-notes",
                new Operation(
                        (t, token) -> prepared.put(t.client(), heldSession(t.client())),
                        t -> new Request(HttpMethod.POST, "/api/group-notes", groupNoteBody(preparedFor(t)))));
        ops.put(
                "POST /api/group-notes/{id}/sign",
                new Operation(
                        (t, token) -> prepared.put(t.client(), draftGroupNote(t, token)),
                        t -> new Request(HttpMethod.POST, "/api/group-notes/" + preparedFor(t) + "/sign", null)));
        // the audit trail's review and verification, which every service serves alike
        ops.put("GET /api/audit", read(t -> "/api/audit?size=1"));
        ops.put("GET /api/audit/verification", read(t -> "/api/audit/verification"));
        // the work items, which every service serves alike (asked by WorkItemRequests)
        WorkItemRequests.ROWS.forEach(row -> ops.put(row, new Operation(t -> {}, t -> null)));
        return ops;
    }

    record Fixtures(Target a, Target b) {}

    private Fixtures fixtures;

    /** Per client of a fixture, the group note and its first note, signed. */
    private final Map<UUID, UUID> groupNotes = new HashMap<>();

    /** Per client, what the row's preparation made for the request. */
    private final Map<UUID, UUID> prepared = new HashMap<>();

    /** Per client, the plan version the row's preparation wrote. */
    private final Map<UUID, Integer> preparedVersions = new HashMap<>();

    @TestFactory
    Stream<DynamicTest> everyOperationAsEveryCaller() {
        fixtures = fixtures();
        Map<String, Operation> operations = operations();
        return AccessMatrix.of(SERVICE).stream()
                .flatMap(row -> Stream.of(Caller.values())
                        .map(caller -> DynamicTest.dynamicTest(
                                row.key() + " as " + caller + " → "
                                        + row.expected().get(caller),
                                () -> ask(row, caller, operations.get(row.key())))));
    }

    @Test
    void everyStaffOperationOfTheServiceIsInTheMatrixAndAsked() {
        Set<String> matrix =
                new HashSet<>(AccessMatrix.of(SERVICE).stream().map(Row::key).toList());
        assertThat(operations().keySet())
                .as("one request per row of the matrix")
                .containsExactlyInAnyOrderElementsOf(matrix);

        Set<String> described =
                AccessMatrix.staffOperations(http.get("/v3/api-docs", null).json());
        assertThat(matrix)
                .as("every staff operation of the API description is in the matrix")
                .containsAll(described);
        assertThat(described)
                .as("every row asked here is an operation of the service")
                .containsAll(matrix);
    }

    private void ask(Row row, Caller caller, Operation operation) {
        if (operation == null) {
            fail("No request for the matrix row " + row.key());
        }
        Expected expected = row.expected().get(caller);
        Target target = caller == Caller.CLINICIAN_OTHER ? fixtures.b() : fixtures.a();
        boolean fhir = row.path().startsWith("/fhir/");
        String token = fhir
                ? TestTokens.smartBearerFor(subject(caller), "user/*.read", StaffRole.valueOf(caller.role()))
                : TestTokens.bearerFor(subject(caller), StaffRole.valueOf(caller.role()));
        if (WorkItemRequests.ROWS.contains(row.key())) {
            new WorkItemRequests(http, workItems, jdbc)
                    .check(
                            row,
                            caller,
                            token,
                            fixtures.a().client(),
                            fixtures.b().client());
            return;
        }
        operation.prepare().accept(target, token);
        String before = fingerprint();

        Response response = send(operation.request().apply(target), token);

        assertThat(response.status()).as(response.text()).isEqualTo(expected.status());
        if (expected.status() >= 400) {
            assertProblem(response, expected.status());
            assertThat(fingerprint()).as("a refused request changes nothing").isEqualTo(before);
        }
        if (expected.status() == 404) {
            // what a supervisor, who would see it if it existed, is told of a record that does not
            Response missing = send(
                    operation.request().apply(new Target(UUID.randomUUID(), UUID.randomUUID())),
                    fhir ? SETUP_FHIR : SETUP);
            assertProblem(missing, 404);
            assertThat(problem(response))
                    .as("the same answer as for a plan that does not exist")
                    .isEqualTo(problem(missing));
        }
        expected.view().ifPresent(view -> checkView(view, response));
    }

    private void checkView(String view, Response response) {
        List<String> clients = new ArrayList<>();
        response.json().forEach(item -> clients.add(item.get("clientId").asString()));
        String a = fixtures.a().client().toString();
        String b = fixtures.b().client().toString();
        switch (view) {
            case "all" -> assertThat(clients).contains(a, b);
            case "own" -> assertThat(clients).contains(a).doesNotContain(b);
            default -> fail("No check for the view '" + view + "'");
        }
    }

    private static String subject(Caller caller) {
        return caller.role().equals("CLINICIAN")
                ? OWN
                : "staff-" + caller.role().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Client A on clin-own's team, B on clin-other's, each enrolled with a plan, a version and an assessment. */
    private Fixtures fixtures() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        TestKafka.publish(PlanTestClient.enrolled(a, OWN));
        TestKafka.publish(PlanTestClient.enrolled(b, OTHER));
        careTeams.replace(careTeam(a, OWN, COSIGNED_COUNSELLOR));
        careTeams.replace(careTeam(b, OTHER, COSIGNED_COUNSELLOR));
        Duration patience = Duration.ofSeconds(30);
        await().atMost(patience).until(() -> planOf(a) != null && planOf(b) != null);
        Fixtures made = new Fixtures(new Target(a, planOf(a)), new Target(b, planOf(b)));
        for (Target t : List.of(made.a(), made.b())) {
            writeVersion(t.plan());
            Response assessed = http.postJson("/api/clients/" + t.client() + "/assessments", SETUP, ASSESSMENT);
            assertThat(assessed.status()).as(assessed.text()).isEqualTo(201);
            UUID group = draftGroupNote(t, SETUP);
            Response signed = http.postJson("/api/group-notes/" + group + "/sign", SETUP, "");
            assertThat(signed.status()).as(signed.text()).isEqualTo(200);
            groupNotes.put(t.client(), group);
        }
        return made;
    }

    /** The client's first assessment, or an id that names none. */
    private UUID assessmentOf(UUID client) {
        return jdbc
                .queryForList(
                        "SELECT id FROM assessment WHERE client_id = ? ORDER BY recorded_at LIMIT 1",
                        UUID.class,
                        client)
                .stream()
                .findFirst()
                .orElse(UUID.randomUUID());
    }

    @Test
    void aPlansVersionsProvenanceAndAssessmentsAreValidFhirWithPart2LabelsWhenTheyAddressSubstanceUse() {
        UUID client = UUID.randomUUID();
        TestKafka.publish(PlanTestClient.enrolled(client, OWN));
        careTeams.replace(careTeam(client, OWN, COSIGNED_COUNSELLOR));
        await().atMost(Duration.ofSeconds(30)).until(() -> planOf(client) != null);
        UUID plan = planOf(client);
        writeVersion(plan);
        writeVersion(plan);
        Response assessed = http.postJson("/api/clients/" + client + "/assessments", SETUP, ASSESSMENT);
        assertThat(assessed.status()).as(assessed.text()).isEqualTo(201);
        String token = TestTokens.smartBearerFor(OWN, "user/*.read", StaffRole.CLINICIAN);

        List<Resource> all = new ArrayList<>();
        for (String search : List.of("CarePlan", "Provenance", "Observation")) {
            Response found = http.get("/fhir/" + search + "?patient=" + client, token);
            assertThat(found.status()).as(found.text()).isEqualTo(200);
            all.addAll(FhirChecks.validMatches(found.text()));
        }
        CarePlan current = FhirChecks.parse(
                CarePlan.class, http.get("/fhir/CarePlan/" + plan, token).text());
        CarePlan first = FhirChecks.parse(
                CarePlan.class,
                http.get("/fhir/CarePlan/" + plan + "/_history/1", token).text());
        FhirChecks.assertValid(current);
        FhirChecks.assertValid(first);
        assertThat(current.getMeta().getVersionId()).isEqualTo("2");
        assertThat(first.getMeta().getVersionId()).isEqualTo("1");
        assertThat(current.getContained()).singleElement().isInstanceOf(Goal.class);
        assertThat(current.getGoalFirstRep().getReference()).isEqualTo("#goal-1");
        assertThat(all)
                .extracting(Resource::fhirType)
                .containsExactlyInAnyOrder("CarePlan", "Provenance", "Provenance", "Observation");
        assertThat(all.stream()
                        .filter(Provenance.class::isInstance)
                        .map(p -> ((Provenance) p).getTargetFirstRep().getReference()))
                .containsExactlyInAnyOrder("CarePlan/" + plan + "/_history/1", "CarePlan/" + plan + "/_history/2");
        all.forEach(
                r -> assertThat(FhirChecks.securityLabels(r)).as(r.fhirType()).contains("R", "ETH", "42CFRPart2"));
        FhirChecks.assertValid(FhirChecks.parse(
                CapabilityStatement.class, http.get("/fhir/metadata", token).text()));
        assertProblem(http.get("/fhir/CarePlan/" + plan + "/_history/3", token), 404);
        assertProblem(http.get("/fhir/CarePlan/" + plan, TestTokens.bearerFor(OWN, StaffRole.CLINICIAN)), 403);
    }

    private void writeVersion(UUID plan) {
        Response written = http.postJson(
                "/api/plans/" + plan + "/versions", SETUP, PlanTestClient.versionBody(currentVersion(plan), "Setup"));
        assertThat(written.status()).as(written.text()).isEqualTo(201);
    }

    /** A group session of the client that was held two hours ago, as scheduling announces it. */
    private UUID heldSession(UUID client) {
        return heldSession(client, "GROUP");
    }

    private UUID heldSession(UUID client, String kind) {
        UUID session = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO client_session (session_id, client_id, kind, starts_at, ends_at)"
                        + " VALUES (?, ?, ?, now() - interval '2 hours', now() - interval '30 minutes')",
                session,
                client,
                kind);
        return session;
    }

    /** A draft group note for a new session of the target's client, written as the caller if they may. */
    private UUID draftGroupNote(Target target, String token) {
        String body = groupNoteBody(heldSession(target.client()));
        Response created = http.postJson("/api/group-notes", token, body);
        if (created.status() != 201) {
            created = http.postJson("/api/group-notes", SETUP, body);
        }
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    /** A group note of the target's client signed by the counsellor: waiting for co-signature. */
    private UUID pendingGroupNote(Target target) {
        UUID group = draftGroupNote(target, COUNSELLOR);
        Response signed = http.postJson("/api/group-notes/" + group + "/sign", COUNSELLOR, "");
        assertThat(signed.status()).as(signed.text()).isEqualTo(200);
        return group;
    }

    /** A version of the plan written by the counsellor: waiting for co-signature. */
    private int counsellorVersion(UUID plan) {
        int number = currentVersion(plan) + 1;
        Response written = http.postJson(
                "/api/plans/" + plan + "/versions", COUNSELLOR, PlanTestClient.versionBody(number - 1, "Counsellor"));
        assertThat(written.status()).as(written.text()).isEqualTo(201);
        return number;
    }

    private UUID firstNote(UUID groupNote) {
        return jdbc.queryForObject("SELECT id FROM clinical_note WHERE group_note_id = ?", UUID.class, groupNote);
    }

    private UUID fixtureNote(Target target) {
        UUID group = groupNotes.get(target.client());
        return group == null ? target.plan() : firstNote(group);
    }

    /** What the preparation made for this target's client; an unknown id for any other. */
    private UUID preparedFor(Target target) {
        return prepared.getOrDefault(target.client(), target.plan());
    }

    static String groupNoteBody(UUID session) {
        return """
                {"group": {"topic": "Matrix", "modality": "GROUP_THERAPY", "interventions": ["Check-in"]},
                 "attendees": [{"sessionId": "%s", "part": {"participation": "ACTIVE",
                   "objective": {"problem": 1, "goal": 1, "objective": 1}, "progress": "NO_CHANGE",
                   "riskCheck": "NO_RISK_IDENTIFIED"}}]}
                """.formatted(session);
    }

    private UUID planOf(UUID client) {
        return jdbc.queryForList("SELECT id FROM treatment_plan WHERE client_id = ?", UUID.class, client).stream()
                .findFirst()
                .orElse(null);
    }

    private int currentVersion(UUID plan) {
        return jdbc
                .queryForList("SELECT current_version FROM treatment_plan WHERE id = ?", Integer.class, plan)
                .stream()
                .findFirst()
                .orElse(0);
    }

    /** Everything the operations may change of the two clients' records. */
    private String fingerprint() {
        return jdbc.queryForObject(
                """
                SELECT string_agg(p.id || ':' || p.status || ':' || p.current_version || ':'
                        || coalesce(p.active_version::text, '-') || ':' || p.next_review_due || ':'
                        || (SELECT count(*) FROM assessment s WHERE s.client_id = p.client_id) || ':'
                        || (SELECT count(*) FROM plan_review r WHERE r.plan_id = p.id) || ':'
                        || (SELECT count(cosigned_by) FROM plan_version_cosignature c WHERE c.plan_id = p.id) || ':'
                        || (SELECT count(*) || '/' || coalesce(sum(n.current_version), 0) || '/'
                                || count(*) FILTER (WHERE n.status <> 'DRAFT') || '/'
                                || count(*) FILTER (WHERE n.status = 'SIGNED') || '/'
                                || (SELECT count(*) FROM clinical_note_addendum d JOIN clinical_note m ON m.id = d.note_id
                                    WHERE m.client_id = p.client_id)
                            FROM clinical_note n WHERE n.client_id = p.client_id), ',' ORDER BY p.id)
                FROM treatment_plan p WHERE p.client_id IN (?, ?)
                """, String.class, fixtures.a().client(), fixtures.b().client());
    }

    private Response send(Request request, String token) {
        return http.exchange(
                request.method(),
                request.path(),
                token,
                request.body() == null ? null : MediaType.APPLICATION_JSON,
                request.body());
    }

    private static Map<String, String> problem(Response response) {
        JsonNode body = response.json();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : List.of("type", "title", "status", "detail")) {
            fields.put(field, body.has(field) ? body.get(field).asString() : null);
        }
        return fields;
    }

    private Operation read(Function<Target, String> path) {
        return new Operation(t -> {}, t -> new Request(HttpMethod.GET, path.apply(t), null));
    }
}
