package org.iopcare.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockServletContext;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The clinical record's forms against the services' problem responses (RFC 9457): what the console
 * sends, that a refusal is shown beside the field it names with what was typed kept, and that the
 * pages render. The services are a stub of {@link ServiceApis} answering as treatment-plan and
 * scheduling do; the pages go through the console's own templates.
 */
class ClinicalRecordFormsTest {

    private static final UUID CLIENT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID NOTE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID GROUP = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    private final StubApis apis = new StubApis();
    private final Times times = new Times(properties());
    private final MockHttpSession session = signedIn("clin-okafor", "CLINICIAN");

    @Test
    void aProgressNoteRefusedForAMissingSectionShowsTheErrorBesideItAndKeepsWhatWasTyped() {
        apis.answer("GET", "/api/clients/" + CLIENT + "/plan", 200, plan());
        apis.answer(
                "POST",
                "/api/clients/" + CLIENT + "/notes",
                400,
                problem(
                        "Invalid request content.",
                        Map.of("field", "progress.assessment", "message", "must not be blank")));
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "format", "DAP",
                "sessionId", UUID.randomUUID().toString(),
                "data", "Reported better sleep",
                "behavior", "ignored in DAP",
                "plan", "Keep the sleep diary",
                "objective", "1.1.1",
                "rating", "SOME_PROGRESS",
                "riskCheck", "NO_RISK_IDENTIFIED"));
        ExtendedModelMap model = new ExtendedModelMap();

        String view = new ProgressNoteForm(apis, times).write(CLIENT, form, session, model);

        assertThat(view).isEqualTo("note-new");
        Map<String, Object> progress = NotePage.map(
                apis.body("POST", "/api/clients/" + CLIENT + "/notes").get("progress"));
        assertThat(progress).containsEntry("format", "DAP").containsEntry("data", "Reported better sleep");
        assertThat(progress.get("behavior"))
                .as("a section of the other format is not sent")
                .isNull();
        assertThat(progress.get("objectives"))
                .isEqualTo(List.of(Map.of(
                        "objective", Map.of("problem", 1, "goal", 1, "objective", 1), "rating", "SOME_PROGRESS")));
        assertThat(model.get("errors")).isEqualTo(Map.of("assessment", "must not be blank"));
        String page = render(view, model);
        assertThat(page)
                .contains("Invalid request content.")
                .contains("must not be blank")
                .contains("Reported better sleep")
                .contains("Attend every group › Come to three groups a week");
    }

    @Test
    void aStaleEditOfADraftSaysSoAndKeepsTheTypedText() {
        apis.answer("GET", "/api/notes/" + NOTE, 200, note("DRAFT", "clin-okafor"));
        apis.answer("GET", "/api/notes/" + NOTE + "/versions", 200, List.of());
        apis.answer("GET", "/api/clients/" + CLIENT + "/plan", 200, plan());
        apis.answer("PUT", "/api/notes/" + NOTE, 409, problem("The note changed since version 1: reload it."));
        Map<String, String> form = new LinkedHashMap<>(
                Map.of("basedOnVersion", "1", "data", "Slept six hours", "assessment", "Improving", "plan", "Same"));
        ExtendedModelMap model = new ExtendedModelMap();

        String view = new NotePage(apis).edit(NOTE, form, session, model);

        assertThat(view).isEqualTo("note");
        assertThat(apis.body("PUT", "/api/notes/" + NOTE)).containsEntry("basedOnVersion", 1);
        assertThat(model.get("failure")).isEqualTo("The note changed since version 1: reload it.");
        assertThat(render(view, model)).contains("Slept six hours").contains("Sign the note");
    }

    @Test
    void aDischargeSummaryCompletedWithoutAftercareIsRefusedBesideTheAftercareField() {
        apis.answer("GET", "/api/notes/" + NOTE, 200, dischargeSummary());
        apis.answer("GET", "/api/notes/" + NOTE + "/versions", 200, List.of());
        apis.answer(
                "PUT",
                "/api/notes/" + NOTE,
                400,
                problem(
                        "Invalid request content.",
                        Map.of("field", "content.discharge.referrals[0].provider", "message", "must not be blank")));
        Map<String, String> form = new LinkedHashMap<>(Map.of("basedOnVersion", "1", "aftercare", "Weekly outpatient"));
        ExtendedModelMap model = new ExtendedModelMap();

        String view = new NotePage(apis).edit(NOTE, form, session, model);

        Map<String, Object> discharge =
                NotePage.map(NotePage.map(apis.body("PUT", "/api/notes/" + NOTE).get("content"))
                        .get("discharge"));
        assertThat(discharge).containsEntry("aftercare", "Weekly outpatient");
        assertThat(discharge.get("facts"))
                .as("the record's facts go back as they were")
                .isEqualTo(facts());
        assertThat(model.get("errors")).isEqualTo(Map.of("provider", "must not be blank"));
        assertThat(render(view, model))
                .contains("Aftercare plan (needed to sign)")
                .contains("must not be blank");
    }

    @Test
    void anAddendumToADraftIsRefusedWithTheServicesReason() {
        apis.answer("GET", "/api/notes/" + NOTE, 200, note("DRAFT", "clin-okafor"));
        apis.answer("GET", "/api/notes/" + NOTE + "/versions", 200, List.of());
        apis.answer("POST", "/api/notes/" + NOTE + "/addenda", 409, problem("A draft is edited, not amended."));
        ExtendedModelMap model = new ExtendedModelMap();

        String view = new NotePage(apis).addendum(NOTE, Map.of("text", "Late entry"), session, model);

        assertThat(view).isEqualTo("note");
        assertThat(model.get("failure")).isEqualTo("A draft is edited, not amended.");
    }

    @Test
    void theGroupComposerWritesPartsForPresentAttendeesOnlyAndShowsARefusalByAttendee() {
        UUID present = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID absent = UUID.randomUUID();
        apis.answer(
                "GET",
                "/api/group-sessions?date=2026-12-07",
                200,
                List.of(Map.of(
                        "id", GROUP.toString(),
                        "trackCode", "MORNING",
                        "startsAt", "2026-12-07T14:00:00Z",
                        "endsAt", "2026-12-07T17:00:00Z",
                        "capacity", 12,
                        "status", "SCHEDULED",
                        "roster", List.of(seat(present, "PRESENT"), seat(absent, "ABSENT"), seat(late, "LATE")))));
        apis.answer(
                "POST",
                "/api/group-notes",
                422,
                problem(
                        "Client of session is recorded absent",
                        Map.of("field", "attendees[1].part.comment", "message", "size must be between 0 and 2000")));
        ExtendedModelMap shown = new ExtendedModelMap();
        new GroupNoteForm(apis, times).form(GROUP, "2026-12-07", session, shown);
        assertThat((List<?>) shown.get("attendees")).hasSize(2);
        String composer = render("group-note", shown);
        assertThat(composer)
                .contains("name=\"session-0\"")
                .contains("name=\"session-1\"")
                .doesNotContain("session-2");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("topic", "Coping with cravings");
        form.put("modality", "GROUP_THERAPY");
        form.put("interventions", "Urge surfing\n\nRole play\n");
        form.put("session-0", "s-" + present);
        form.put("participation-0", "ACTIVE");
        form.put("progress-0", "SOME_PROGRESS");
        form.put("riskCheck-0", "NO_RISK_IDENTIFIED");
        form.put("session-1", "s-" + late);
        form.put("participation-1", "MINIMAL");
        form.put("progress-1", "NO_CHANGE");
        form.put("riskCheck-1", "NO_RISK_IDENTIFIED");
        form.put("comment-1", "x".repeat(2001));
        form.put("action", "sign");
        ExtendedModelMap model = new ExtendedModelMap();

        String view = new GroupNoteForm(apis, times)
                .write(GROUP, "2026-12-07", form, session, model, new RedirectAttributesModelMap());

        Map<String, Object> body = apis.body("POST", "/api/group-notes");
        assertThat(NotePage.map(body.get("group")).get("interventions"))
                .isEqualTo(List.of("Urge surfing", "Role play"));
        assertThat(((List<?>) body.get("attendees"))
                        .stream().map(a -> ((Map<?, ?>) a).get("sessionId")).toList())
                .isEqualTo(List.of("s-" + present, "s-" + late));
        assertThat(view).isEqualTo("group-note");
        assertThat(model.get("errors")).isEqualTo(Map.of("comment-1", "size must be between 0 and 2000"));
        assertThat(apis.calls).as("nothing signed after a refusal").noneMatch(call -> call.endsWith("/sign"));
        assertThat(render(view, model))
                .contains("Client of session is recorded absent")
                .contains("Coping with cravings");
    }

    @Test
    void aSavedGroupNoteIsSignedAtOnceWhenAsked() {
        apis.answer(
                "POST", "/api/group-notes", 201, Map.of("id", NOTE.toString(), "notes", List.of(Map.of(), Map.of())));
        apis.answer("POST", "/api/group-notes/" + NOTE + "/sign", 200, Map.of());
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();

        String view = new GroupNoteForm(apis, times)
                .write(
                        GROUP,
                        "2026-12-07",
                        new HashMap<>(Map.of("action", "sign")),
                        session,
                        new ExtendedModelMap(),
                        flash);

        assertThat(view).isEqualTo("redirect:/groups?date=2026-12-07");
        assertThat(flash.getFlashAttributes().get("notice"))
                .isEqualTo("Group note signed: in each of 2 attendees' records.");
    }

    @Test
    void aPlanReviewWithoutParticipantsIsRefusedBesideTheParticipantsField() {
        UUID plan = UUID.randomUUID();
        apis.answer(
                "POST",
                "/api/plans/" + plan + "/reviews",
                400,
                problem("Invalid request content.", Map.of("field", "participants", "message", "must not be empty")));
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();

        String view = new PlanReviewForm(apis)
                .record(
                        CLIENT,
                        Map.of("planId", plan.toString(), "participants", " , ", "outcome", "KEEP"),
                        session,
                        flash);

        assertThat(view).endsWith("#review-form");
        assertThat(apis.body("POST", "/api/plans/" + plan + "/reviews")).containsEntry("participants", List.of());
        assertThat(flash.getFlashAttributes().get("reviewErrors"))
                .isEqualTo(Map.of("participants", "must not be empty"));
        assertThat(flash.getFlashAttributes().get("reviewFailure")).isEqualTo("Invalid request content.");
    }

    @Test
    void aCosignatureDueItemLeadsToWhatAwaitsItWithACosignAction() {
        MockHttpSession supervisor = signedIn("sup-lindqvist", "CLINICAL_SUPERVISOR");
        apis.answer(
                "GET",
                "/api/clients/" + CLIENT + "/notes",
                200,
                List.of(note("PENDING_COSIGNATURE", "clin-new"), note("SIGNED", "x")));
        apis.answer("GET", "/api/clients/" + CLIENT + "/plan", 404, problem("Plan for client not found"));
        apis.answer("POST", "/api/notes/" + NOTE + "/cosign", 409, problem("The note does not await a co-signature."));
        ExtendedModelMap model = new ExtendedModelMap();
        Cosignatures cosignatures = new Cosignatures(apis);

        String view = cosignatures.page(CLIENT, supervisor, model);
        assertThat((List<?>) model.get("notes")).hasSize(1);
        assertThat(render(view, model, supervisor)).contains("/clients/" + CLIENT + "/cosignatures/notes/" + NOTE);
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();
        cosignatures.note(CLIENT, NOTE, supervisor, flash);
        assertThat(flash.getFlashAttributes().get("notice")).isEqualTo("The note does not await a co-signature.");

        ExtendedModelMap work = new ExtendedModelMap();
        work.addAttribute(
                "items",
                List.of(new MyWork.Item(
                        "treatment-plan",
                        UUID.randomUUID().toString(),
                        CLIENT.toString(),
                        "COSIGNATURE_DUE",
                        "NORMAL",
                        "NOTE_AWAITS_COSIGNATURE",
                        "CLINICAL_SUPERVISOR",
                        null,
                        "OPEN")));
        work.addAttribute("unavailable", List.of());
        assertThat(render("my-work", work, supervisor))
                .contains("href=\"/clients/" + CLIENT + "/cosignatures\"")
                .contains("Read and co-sign");
    }

    @Test
    void theChartListsTheNotesWithTheirStatusAndAddendaAndThePlansReviewsWithTheReviewForm() {
        apis.answer("GET", "/api/clients/" + CLIENT, 200, client(enrollment()));
        Map<String, Object> plan = new LinkedHashMap<>(plan());
        plan.put("status", "ACTIVE");
        plan.put("currentVersion", 1);
        plan.put("nextReviewDue", "2026-12-20");
        apis.answer("GET", "/api/clients/" + CLIENT + "/plan", 200, plan);
        Map<String, Object> pending = note("PENDING_COSIGNATURE", "clin-new");
        pending.put("addenda", List.of(Map.of("text", "Late entry")));
        apis.answer("GET", "/api/clients/" + CLIENT + "/notes", 200, List.of(note("DRAFT", "clin-okafor"), pending));
        apis.answer("GET", "/api/plans/" + plan.get("id") + "/versions", 200, List.of());
        apis.answer(
                "GET",
                "/api/plans/" + plan.get("id") + "/reviews",
                200,
                List.of(Map.of(
                        "reviewedAt", "2026-12-01T15:00:00Z",
                        "reviewedBy", "clin-okafor",
                        "participants", List.of("client", "clin-okafor"),
                        "outcome", "KEEP",
                        "note", "On track",
                        "nextDue", "2026-12-31")));
        ExtendedModelMap model = new ExtendedModelMap();

        String view = new ClientChart(apis, times).chart(CLIENT, session, model);

        assertThat(render(view, model))
                .contains("Signed, awaiting co-signature")
                .contains("href=\"/notes/" + NOTE + "\"")
                .contains("Write a progress note")
                .contains("client, clin-okafor")
                .contains("Record review");
    }

    @Test
    void aDischargeDatedAheadShowsTheClientEnrolledUntilThenAndAPastOneDischarged() {
        LocalDate today = LocalDate.now(ZONE);
        for (var expected : Map.of(
                        today.plusDays(14),
                        "enrolled; discharged from " + times.day(today.plusDays(14)) + " (COMPLETED)",
                        today,
                        "discharged from " + times.day(today) + " (COMPLETED)")
                .entrySet()) {
            Map<String, Object> enrollment = enrollment();
            enrollment.put("dischargedAt", "2026-12-01T15:00:00Z");
            enrollment.put("dischargeReason", "COMPLETED");
            enrollment.put("dischargeEffectiveDate", expected.getKey().toString());
            apis.answer("GET", "/api/clients/" + CLIENT, 200, client(enrollment));
            ExtendedModelMap model = new ExtendedModelMap();

            String page = render(new ClientChart(apis, times).chart(CLIENT, session, model), model);

            assertThat(page).contains("<dd id=\"client-status\">" + expected.getValue() + "</dd>");
        }
    }

    @Test
    void theEnrollmentFormOffersOnlyActiveTracks() {
        UUID inquiry = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
        apis.answer(
                "GET",
                "/api/inquiries/" + inquiry,
                200,
                Map.of("firstName", "Jo", "lastName", "Rivera", "phone", "+15550100999", "email", "jo@example.org"));
        apis.answer("GET", "/api/tracks", 200, List.of(track("MH-IOP-AM", "ACTIVE"), track("OLD-PM", "RETIRED")));
        apis.answer(
                "GET",
                "/api/staff",
                200,
                List.of(Map.of("id", "clin-okafor", "displayName", "Dr Okafor", "roles", List.of("CLINICIAN"))));
        ExtendedModelMap model = new ExtendedModelMap();

        String view = new EnrollmentForm(apis, times).form(inquiry, session, model);

        List<?> offered = (List<?>) model.get("tracks");
        assertThat(offered.stream()
                        .map(t -> String.valueOf(((Map<?, ?>) t).get("code")))
                        .toList())
                .containsExactly("MH-IOP-AM");
        assertThat(render(view, model)).contains("value=\"MH-IOP-AM\"").doesNotContain("OLD-PM");
    }

    private static Map<String, Object> track(String code, String status) {
        Map<String, Object> track = new LinkedHashMap<>();
        track.put("code", code);
        track.put("name", "Track " + code);
        track.put("status", status);
        track.put("meetingDays", List.of("MONDAY", "WEDNESDAY", "FRIDAY"));
        track.put("localStart", "09:00");
        track.put("localEnd", "12:00");
        return track;
    }

    @Test
    void whoOpenedTheChartNamesEachPersonOnceWithTheirLatestAccess() {
        List<Map<String, Object>> newestFirst = List.of(
                Map.of("actor", "clin-okafor", "occurredAt", "2026-12-07T15:03:00Z"),
                Map.of("actor", "clin-okafor", "occurredAt", "2026-12-07T15:02:00Z"),
                Map.of("actor", "clin-reyes", "occurredAt", "2026-12-07T15:01:00Z"));

        assertThat(ClientChart.people(newestFirst))
                .containsExactly(
                        new ClientChart.AuditPerson("clin-okafor", "2026-12-07T15:03:00Z", 2),
                        new ClientChart.AuditPerson("clin-reyes", "2026-12-07T15:01:00Z", 1));
    }

    // --- the services' answers -------------------------------------------------------------------

    private static Map<String, Object> problem(String detail, Map<?, ?>... errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://iopcare.org/problems/x");
        problem.put("detail", detail);
        problem.put("errors", List.of(errors));
        return problem;
    }

    private static Map<String, Object> plan() {
        Map<String, Object> objective = Map.of("statement", "Come to three groups a week");
        Map<String, Object> goal =
                Map.of("statement", "Attend every group", "targetDate", "2027-01-31", "objectives", List.of(objective));
        Map<String, Object> problem =
                Map.of("category", "MENTAL_HEALTH", "statement", "Low mood", "goals", List.of(goal));
        return Map.of("id", UUID.randomUUID().toString(), "content", Map.of("problems", List.of(problem)));
    }

    private static Map<String, Object> note(String status, String author) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("id", NOTE.toString());
        note.put("clientId", CLIENT.toString());
        note.put("sessionId", null);
        note.put("kind", "INDIVIDUAL_THERAPY");
        note.put("author", author);
        note.put("createdAt", "2026-12-07T15:00:00Z");
        note.put("status", status);
        note.put("currentVersion", 1);
        note.put("signedBy", status.equals("DRAFT") ? null : author);
        note.put("signedAt", status.equals("DRAFT") ? null : "2026-12-07T16:00:00Z");
        note.put("cosignedBy", null);
        note.put("cosignedAt", null);
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("format", "DAP");
        progress.put("data", "Slept badly");
        progress.put("assessment", "Low");
        progress.put("plan", "Sleep diary");
        progress.put("objectives", List.of());
        progress.put("riskCheck", "NO_RISK_IDENTIFIED");
        note.put("content", Map.of("progress", progress));
        note.put("addenda", List.of());
        return note;
    }

    private static Map<String, Object> facts() {
        Map<String, Object> measure = new HashMap<>();
        measure.put("first", null);
        return Map.of(
                "startDate",
                "2026-11-02",
                "dischargeDate",
                "2026-12-07",
                "levelOfCare",
                "IOP",
                "sessionsAttended",
                14,
                "sessionsMissed",
                2,
                "phq9",
                Map.of("first", 16, "last", 9, "change", -7),
                "gad7",
                measure,
                "goals",
                List.of(),
                "reason",
                "STEPPED_DOWN");
    }

    private static Map<String, Object> dischargeSummary() {
        Map<String, Object> note = note("DRAFT", "clin-okafor");
        note.put("kind", "DISCHARGE_SUMMARY");
        Map<String, Object> discharge = new HashMap<>();
        discharge.put("facts", facts());
        discharge.put("aftercare", null);
        discharge.put("referrals", List.of());
        note.put("content", Map.of("discharge", discharge));
        return note;
    }

    private static Map<String, Object> seat(UUID client, String attendance) {
        return Map.of("sessionId", "s-" + client, "clientId", client.toString(), "attendance", attendance);
    }

    // --- harness ---------------------------------------------------------------------------------

    private static ConsoleProperties properties() {
        URI local = URI.create("http://127.0.0.1:9");
        return new ConsoleProperties(local, local, local, local, ZONE);
    }

    private static MockHttpSession signedIn(String staffId, String role) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(
                SignedIn.SESSION_ATTRIBUTE,
                new SignedIn(
                        staffId, staffId, List.of(role), "token", Instant.now().plusSeconds(600)));
        return session;
    }

    private String render(String view, ExtendedModelMap model) {
        return render(view, model, session);
    }

    /** Intake's client Ana with this enrollment. */
    private static Map<String, Object> client(Map<String, Object> enrollment) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("firstName", "Ana");
        client.put("lastName", "Diaz");
        client.put("preferredName", null);
        client.put("phone", "+15550100999");
        client.put("email", null);
        client.put("timeZone", ZONE.getId());
        client.put("smsConsent", Map.of("given", true));
        client.put("emailConsent", Map.of("given", false));
        client.put("part2Consent", Map.of("given", true));
        client.put("enrollments", List.of(enrollment));
        return client;
    }

    /** An open enrollment in the morning track. */
    private static Map<String, Object> enrollment() {
        Map<String, Object> enrollment = new HashMap<>();
        enrollment.put("trackCode", "MORNING");
        enrollment.put("startDate", "2026-11-02");
        enrollment.put("primaryClinicianId", "clin-okafor");
        enrollment.put("dischargedAt", null);
        return enrollment;
    }

    /** The page as the console renders it, with the beans the templates call and the layout's model. */
    private String render(String view, ExtendedModelMap model, MockHttpSession as) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(templates);
        StaticApplicationContext beans = new StaticApplicationContext();
        beans.getBeanFactory().registerSingleton("times", times);
        beans.getBeanFactory().registerSingleton("labels", new Labels());
        beans.refresh();
        MockServletContext servlet = new MockServletContext();
        MockHttpServletRequest request = new MockHttpServletRequest(servlet);
        request.setSession(as);
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("staff", SignedIn.of(as));
        variables.put("clinicZone", ZONE.getId());
        variables.put(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(beans, null));
        WebContext context = new WebContext(
                JakartaServletWebApplication.buildApplication(servlet)
                        .buildExchange(request, new MockHttpServletResponse()),
                Locale.US,
                variables);
        return engine.process(view, context);
    }

    /** Answers as the services would, by method and path; records every call and body sent. */
    static final class StubApis extends ServiceApis {

        final List<String> calls = new ArrayList<>();
        private final Map<String, Answer> answers = new HashMap<>();
        private final Map<String, Object> bodies = new HashMap<>();

        StubApis() {
            super(properties(), RestClient.builder());
        }

        void answer(String method, String path, int status, Object body) {
            answers.put(method + " " + path, new Answer("treatment-plan", status, body));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> body(String method, String path) {
            assertThat(bodies).as("sent: %s", calls).containsKey(method + " " + path);
            return (Map<String, Object>) bodies.get(method + " " + path);
        }

        @Override
        public Answer get(String service, String path, HttpSession session) {
            return call("GET", path, null);
        }

        @Override
        public Answer post(String service, String path, Object body, HttpSession session) {
            return call("POST", path, body);
        }

        @Override
        public Answer put(String service, String path, Object body, HttpSession session) {
            return call("PUT", path, body);
        }

        private synchronized Answer call(String method, String path, Object body) {
            calls.add(method + " " + path);
            if (body != null) {
                bodies.put(method + " " + path, body);
            }
            return answers.getOrDefault(method + " " + path, new Answer("intake", 404, Map.of()));
        }
    }
}
