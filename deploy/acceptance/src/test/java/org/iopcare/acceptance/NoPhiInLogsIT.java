package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.iopcare.acceptance.Http.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Health information never reaches a log. A canary (a made-up client whose name, email, phone and
 * every free-text field carry one random token) goes through the whole workflow and through every
 * write operation of the four services as their OpenAPI documents list them, valid and refused,
 * plus requests that Tomcat refuses before any controller, an SMS reply and an email. Then every
 * file in the platform's log folder (the services', Kafka's, PostgreSQL's) is searched for it.
 */
class NoPhiInLogsIT {

    private final AcceptancePlatform platform = AcceptancePlatform.get();
    private final Journey journey = new Journey(platform);
    private final StaffApp staff = journey.staff;
    private final Canary canary = Canary.random();

    @Test
    void noLogFileHoldsAnythingTheCanaryClientSent() {
        String admin = staff.token(
                "logcheck", "INTAKE_COORDINATOR", "SCHEDULER", "CLINICIAN", "CLINICAL_SUPERVISOR", "PROGRAM_ADMIN");
        Map<String, String> ids = new LinkedHashMap<>();
        List<String> sent = new ArrayList<>();

        workflow(ids, sent);
        refusals(admin, sent);
        List<WriteOperations.Operation> operations = everyWriteOperation(admin, ids, sent);

        assertThat(operations).as("write operations in the OpenAPI documents").hasSizeGreaterThan(15);
        for (WriteOperations.Operation operation : operations) {
            assertThat(sent).as("requests sent").contains(operation.method() + " " + operation.path());
        }
        List<String> files = LogScan.files(platform.logs).stream()
                .map(f -> f.getFileName().toString())
                .toList();
        assertThat(files)
                .as("log files of the platform")
                .contains("intake-service.log", "notification-service.log", "kafka.log", "postgres.log");

        List<String> found = LogScan.find(platform.logs, canary.needles());
        assertThat(found)
                .as("lines holding the canary %s / %s in %s", canary.token(), canary.phone(), platform.logs)
                .isEmpty();
        System.out.printf(
                "[acceptance] canary %s sent in %d requests; not in any of %d log files: %s%n",
                canary.token(), sent.size(), files.size(), files);
    }

    /** The canary as a client: inquiry by email, screening, enrollment, plan, sessions, SMS, discharge. */
    private void workflow(Map<String, String> ids, List<String> sent) {
        String track = "LOGS-" + canary.token().substring(6).toUpperCase(Locale.ROOT);
        // an hour ahead: past the reminder offset, and inside the day of the suite's daytime zone
        // (AcceptancePlatform.daytimeZone) with its three hours
        journey.createTrack(track, Duration.ofHours(1));
        ids.put("tracks", track);
        ids.put("trackCode", track);
        Person person = canary.person("EMAIL");

        Instant asked = Instant.now().minusSeconds(1);
        String[] inquiry = journey.inquire(person);
        sent.add("POST /api/inquiries");
        ids.put("inquiries", inquiry[0]);
        ids.put("inquiryId", inquiry[0]);
        ids.put("clients", inquiry[1]);
        ids.put("clientId", inquiry[1]);
        // the acknowledgement goes to the canary's mailbox: the local SMTP server has seen the address
        JsonNode ack = journey.awaitSent(inquiry[1], "INQUIRY_ACKNOWLEDGEMENT", "EMAIL", asked, Duration.ofSeconds(30));
        journey.awaitInMailbox(person.email(), ack);

        expect(
                200,
                Http.patch(
                        platform.intake + "/api/inquiries/" + inquiry[0],
                        staff.coordinator,
                        Map.of("status", "CONTACTED", "note", canary.note("Called back"))));
        sent.add("PATCH /api/inquiries/{id}");
        Reply screening = expect(201, staff.screenForIop(inquiry[0]));
        sent.add("POST /api/inquiries/{id}/screenings");
        ids.put("screenings", StaffApp.id(screening));
        expect(201, staff.enroll(inquiry[0], person, track, "dr-logcheck"));
        sent.add("POST /api/enrollments");

        JsonNode plan = journey.awaitPlan(inquiry[1], "DRAFT");
        String planId = plan.get("id").asString();
        ids.put("plans", planId);
        // writers at once: the losers' refusals (a unique index) are where a database logs values
        List<CompletableFuture<Reply>> writers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            writers.add(CompletableFuture.supplyAsync(() -> Http.post(
                    platform.treatmentPlan + "/api/plans/" + planId + "/versions",
                    staff.clinician,
                    Map.of("basedOnVersion", 0, "reason", canary.note("First plan"), "content", planContent()))));
        }
        List<Integer> statuses =
                writers.stream().map(CompletableFuture::join).map(Reply::status).toList();
        assertThat(statuses).as("concurrent plan versions").contains(201);
        sent.add("POST /api/plans/{id}/versions");
        Reply assessment = Http.post(
                platform.treatmentPlan + "/api/clients/" + inquiry[1] + "/assessments",
                staff.clinician,
                Map.of("instrument", "PHQ9", "answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 0)));
        assertThat(assessment.status()).as("assessment: %s", assessment).isBetween(200, 299);
        sent.add("POST /api/clients/{id}/assessments");

        List<JsonNode> sessions = journey.awaitSessions(inquiry[1]);
        JsonNode session = sessions.get(0);
        ids.put("sessions", session.get("id").asString());
        if (session.hasNonNull("groupSessionId")) {
            ids.put("group-sessions", session.get("groupSessionId").asString());
        }

        Reply reply = journey.devices.reply(canary.phone(), canary.note("Can we talk"));
        assertThat(reply.status()).as("SMS reply: %s", reply).isEqualTo(200);
        sent.add("POST /sandbox/sms/reply");
    }

    /** Requests refused by validation, by the JSON reader, or by Tomcat before any controller. */
    private void refusals(String admin, List<String> sent) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("firstName", canary.firstName());
        form.put("lastName", canary.lastName());
        form.put("phone", "+1" + canary.token());
        form.put("email", canary.token() + "@@example");
        form.put("preferredChannel", "EMAIL");
        form.put("contactConsent", true);
        form.put("helpWith", canary.note("Help"));
        form.put("referralSource", "SELF");
        expect(400, Http.post(platform.intake + "/api/inquiries", null, form));
        expect(400, Http.postRaw(platform.intake + "/api/inquiries", null, "{\"firstName\":\"" + canary.token()));
        expect(
                400,
                Http.post(
                        platform.notification + "/sandbox/sms/reply",
                        null,
                        Map.of("from", canary.token(), "body", canary.note("Reply"))));
        for (String base :
                List.of(platform.intake, platform.scheduling, platform.treatmentPlan, platform.notification)) {
            Reply notAnId = Http.get(base + "/api/clients/" + canary.token(), admin);
            assertThat(notAnId.status()).as("%s: %s", base, notAnId).isBetween(400, 404);
            String host = "Host: localhost";
            assertThat(Http.raw(base, "GET /api/clients?name=" + canary.token() + "|{} HTTP/1.1\r\n" + host))
                    .contains(" 400");
            assertThat(Http.raw(base, "GET /api/clients?name=%G" + canary.token() + " HTTP/1.1\r\n" + host))
                    .startsWith("HTTP/1.1");
            assertThat(Http.raw(
                            base,
                            "GET /api/clients HTTP/1.1\r\n" + host + "\r\nCookie: name=\"" + canary.token()
                                    + "; x\r\nX-Client-Name: " + canary.token()))
                    .startsWith("HTTP/1.1");
        }
        sent.add("refusals");
    }

    /** Every write operation of every service, with the canary in each field its schema has. */
    private List<WriteOperations.Operation> everyWriteOperation(
            String admin, Map<String, String> ids, List<String> sent) {
        ids.put("Accounts", "ACsandbox");
        CanaryBodies bodies = new CanaryBodies(canary, ids);
        List<WriteOperations.Operation> operations = new ArrayList<>();
        for (String base :
                List.of(platform.intake, platform.scheduling, platform.treatmentPlan, platform.notification)) {
            operations.addAll(WriteOperations.of(base, admin));
        }
        for (WriteOperations.Operation operation : operations) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header : operation.headers()) {
                headers.put(
                        header,
                        header.equals("Authorization")
                                ? "Basic "
                                        + java.util.Base64.getEncoder()
                                                .encodeToString(("ACsandbox:" + canary.token()).getBytes())
                                : canary.token());
            }
            // the provider's own basic auth is the only Authorization such an operation takes
            String token = headers.containsKey("Authorization") ? null : admin;
            Reply reply = Http.send(
                    operation.method(),
                    bodies.url(operation),
                    token,
                    operation.contentType(),
                    operation.contentType().isEmpty() ? null : bodies.body(operation),
                    headers);
            assertThat(reply.status()).as("%s: %s", operation, reply).isLessThan(500);
            sent.add(operation.method() + " " + operation.path());
        }
        return operations;
    }

    private Map<String, Object> planContent() {
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("statement", canary.note("Goal"));
        goal.put("targetDate", java.time.LocalDate.now().plusDays(60).toString());
        goal.put("measureTarget", Map.of("instrument", "PHQ9", "below", 10));
        goal.put("objectives", List.of(Map.of("statement", canary.note("Objective"), "status", "IN_PROGRESS")));
        return Map.of(
                "problems",
                List.of(Map.of(
                        "category", "MENTAL_HEALTH", "statement", canary.note("Problem"), "goals", List.of(goal))),
                "interventions",
                List.of(Map.of(
                        "modality",
                        "GROUP_THERAPY",
                        "frequency",
                        Map.of("times", 3, "per", "WEEK"),
                        "responsibleRole",
                        "GROUP_FACILITATOR",
                        "description",
                        canary.note("Skills group"))));
    }

    private static Reply expect(int status, Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        return reply;
    }
}
