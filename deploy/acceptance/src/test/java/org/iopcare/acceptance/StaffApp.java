package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iopcare.acceptance.Http.Reply;
import tools.jackson.databind.JsonNode;

/**
 * What the clinic's staff apps do, through the services' REST APIs only, each call with the token
 * of the role that does it in a clinic (intake coordinator, clinician, scheduler).
 */
final class StaffApp {

    final AcceptancePlatform platform;
    final String coordinator;
    final String clinician;
    final String scheduler;
    final String admin;
    final String supervisor;

    /** The clinician whose token {@link #clinician} carries; enrollment puts them on every client's care team. */
    static final String CLINICIAN_ID = "dr-okafor";

    StaffApp(AcceptancePlatform platform) {
        this.platform = platform;
        this.coordinator = token("dana", "INTAKE_COORDINATOR");
        this.clinician = token(CLINICIAN_ID, "CLINICIAN");
        this.scheduler = token("sam", "SCHEDULER");
        this.admin = token("pat", "PROGRAM_ADMIN");
        this.supervisor = token("sup-lindqvist", "CLINICAL_SUPERVISOR");
    }

    /** A staff token from the local run's token desk on intake. */
    String token(String subject, String... roles) {
        Reply reply =
                Http.post(platform.intake + "/dev/tokens", null, Map.of("subject", subject, "roles", List.of(roles)));
        assertThat(reply.status()).as("token for %s: %s", subject, reply).isEqualTo(200);
        return reply.json().get("token").asString();
    }

    /** A staff token with SMART on FHIR scopes, for the FHIR read API. */
    String scopedToken(String subject, String scope, String... roles) {
        Reply reply = Http.post(
                platform.intake + "/dev/tokens",
                null,
                Map.of("subject", subject, "roles", List.of(roles), "scope", scope));
        assertThat(reply.status()).as("token for %s: %s", subject, reply).isEqualTo(200);
        return reply.json().get("token").asString();
    }

    // intake

    /** The public form (no token); returns the receipt. */
    Reply submitInquiry(Person person) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("firstName", person.firstName());
        form.put("lastName", person.lastName());
        form.put("phone", person.phone());
        form.put("email", person.email());
        form.put("preferredChannel", person.preferredChannel());
        form.put("contactConsent", true);
        form.put("helpWith", "Looking for support a few days a week");
        form.put("referralSource", "SELF");
        return Http.post(platform.intake + "/api/inquiries", null, form);
    }

    Reply inquiry(String inquiryId) {
        return Http.get(platform.intake + "/api/inquiries/" + inquiryId, coordinator);
    }

    Reply inquiries() {
        return Http.get(platform.intake + "/api/inquiries?size=200", coordinator);
    }

    Reply markContacted(String inquiryId) {
        return Http.patch(
                platform.intake + "/api/inquiries/" + inquiryId,
                coordinator,
                Map.of("status", "CONTACTED", "note", "Called back, screening booked"));
    }

    /** A screening that recommends IOP (moderate depression, nothing more intensive). */
    Reply screenForIop(String inquiryId) {
        return Http.post(platform.intake + "/api/inquiries/" + inquiryId + "/screenings", clinician, screening(false));
    }

    /** A screening with current suicidal intent: CRISIS. */
    Reply screenForCrisis(String inquiryId) {
        return Http.post(platform.intake + "/api/inquiries/" + inquiryId + "/screenings", clinician, screening(true));
    }

    static Map<String, Object> screening(boolean suicidalIntent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "ratings",
                Map.of(
                        "withdrawal",
                        1,
                        "biomedical",
                        0,
                        "emotional",
                        1,
                        "readiness",
                        1,
                        "relapse",
                        1,
                        "environment",
                        1));
        body.put("phq9", List.of(2, 2, 1, 1, 1, 1, 1, 1, suicidalIntent ? 2 : 0));
        body.put("gad7", List.of(1, 1, 1, 0, 0, 0, 0));
        body.put("currentCare", "NONE");
        body.put("recentRelapse", false);
        body.put("coOccurringDisorders", false);
        body.put(
                "safety",
                Map.of("suicidalIntent", suicidalIntent, "recentSuicideAttempt", false, "homicidalIdeation", false));
        return body;
    }

    /**
     * Enrolls with {@code clinicianId} as primary clinician and, as a clinic would for the clinician
     * who runs the client's groups and plan, puts {@link #CLINICIAN_ID} on the care team, so that the
     * journeys' clinician reaches the client in every service. A track made moments ago may not
     * have reached intake yet (track-changed): the enrollment is asked again until it has.
     */
    Reply enroll(String inquiryId, Person person, String trackCode, String clinicianId) {
        Map<String, Object> body = enrollment(inquiryId, person, trackCode, clinicianId);
        // intake learns a track scheduling has just created from track-changed, moments later
        Reply[] answer = new Reply[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    answer[0] = Http.post(platform.intake + "/api/enrollments", coordinator, body);
                    return !(answer[0].status() == 422 && answer[0].body().contains("unknown-track"));
                });
        Reply enrolled = answer[0];
        if (enrolled.status() == 201 && !clinicianId.equals(CLINICIAN_ID)) {
            Reply team = Http.send(
                    "PUT",
                    platform.intake + "/api/clients/" + id(enrolled) + "/care-team",
                    coordinator,
                    "application/json",
                    """
                    {"primaryClinicianId":"%s","members":[{"staffId":"%s","role":"CLINICIAN"}]}
                    """.formatted(clinicianId, CLINICIAN_ID),
                    Map.of());
            assertThat(team.status())
                    .as("care team of %s: %s", id(enrolled), team)
                    .isEqualTo(200);
        }
        return enrolled;
    }

    Map<String, Object> enrollment(String inquiryId, Person person, String trackCode, String clinicianId) {
        String consentedAt = Instant.now().minusSeconds(3600).toString();
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("firstName", person.firstName());
        client.put("lastName", person.lastName());
        client.put("preferredName", person.firstName());
        client.put("phone", person.phone());
        client.put("email", person.email());
        client.put("timeZone", platform.zone.getId());
        client.put("smsConsent", consent(consentedAt, "WRITTEN_FORM"));
        client.put("emailConsent", consent(consentedAt, "WRITTEN_FORM"));
        client.put("part2Consent", consent(consentedAt, "ELECTRONIC_FORM"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inquiryId", inquiryId);
        body.put("trackCode", trackCode);
        body.put("startDate", LocalDate.now(platform.zone).toString());
        body.put("primaryClinicianId", clinicianId);
        body.put("ageGroup", "ADULT");
        body.put("client", client);
        return body;
    }

    private static Map<String, Object> consent(String at, String source) {
        return Map.of("given", true, "recordedAt", at, "source", source);
    }

    Reply client(String clientId) {
        return Http.get(platform.intake + "/api/clients/" + clientId, coordinator);
    }

    Reply discharge(String clientId) {
        return Http.post(
                platform.intake + "/api/clients/" + clientId + "/discharge",
                clinician,
                Map.of("reason", "LEFT_PROGRAM"));
    }

    /** Moves the client's open enrollment to another track from {@code effectiveDate} (intake). */
    Reply transfer(String clientId, String trackCode, LocalDate effectiveDate) {
        return Http.post(
                platform.intake + "/api/clients/" + clientId + "/transfer",
                coordinator,
                Map.of("trackCode", trackCode, "effectiveDate", effectiveDate.toString()));
    }

    // scheduling

    /**
     * A three-hour adult track meeting at {@code start} (local, in the clinic's zone) on today's
     * weekday and two others: 9 hours a week, the IOP minimum.
     */
    Reply createTrack(String code, LocalTime start, List<DayOfWeek> days) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Acceptance track " + code);
        body.put("timeZone", platform.zone.getId());
        body.put("meetingDays", days.stream().map(DayOfWeek::name).toList());
        body.put("localStart", start.toString());
        body.put("localEnd", start.plusHours(3).toString());
        body.put("capacity", 12);
        body.put("ageGroup", "ADULT");
        body.put(
                "components",
                List.of(
                        Map.of("kind", "GROUP_THERAPY", "minutes", 90),
                        Map.of("kind", "PSYCHOEDUCATION", "minutes", 60),
                        Map.of("kind", "SUPPORT_GROUP", "minutes", 30)));
        return Http.post(platform.scheduling + "/api/tracks", scheduler, body);
    }

    /** Today's weekday and the ones two and four days later. */
    List<DayOfWeek> todayAndTwoMore() {
        DayOfWeek today = LocalDate.now(platform.zone).getDayOfWeek();
        return List.of(today, today.plus(2), today.plus(4));
    }

    /** Tomorrow's weekday and the ones two and four days later (a track that does not meet today). */
    List<DayOfWeek> tomorrowAndTwoMore() {
        DayOfWeek tomorrow = LocalDate.now(platform.zone).plusDays(1).getDayOfWeek();
        return List.of(tomorrow, tomorrow.plus(2), tomorrow.plus(4));
    }

    Reply tracks() {
        return Http.get(platform.scheduling + "/api/tracks", scheduler);
    }

    Reply sessions(String clientId) {
        return Http.get(platform.scheduling + "/api/clients/" + clientId + "/sessions", scheduler);
    }

    Reply bookSession(String clientId, Instant startsAt, int minutes) {
        return Http.post(
                platform.scheduling + "/api/clients/" + clientId + "/sessions",
                scheduler,
                Map.of("kind", "INDIVIDUAL_THERAPY", "startsAt", startsAt.toString(), "minutes", minutes));
    }

    /** Moves a group seat to the meeting of {@code trackCode} starting at {@code localStart} (the track's zone). */
    Reply rescheduleSeat(String sessionId, java.time.LocalDateTime localStart, String trackCode) {
        return Http.post(
                platform.scheduling + "/api/sessions/" + sessionId + "/reschedule",
                scheduler,
                Map.of("localStart", localStart.toString(), "trackCode", trackCode));
    }

    /** A make-up seat for the client in a group meeting with a free seat. */
    Reply makeUp(String clientId, String groupSessionId) {
        return Http.post(
                platform.scheduling + "/api/clients/" + clientId + "/make-ups",
                scheduler,
                Map.of("groupSessionId", groupSessionId));
    }

    /** The client's reminder channels (SMS, EMAIL or BOTH), set by staff for the client. */
    Reply reminderChannels(String clientId, String channels) {
        return Http.send(
                "PUT",
                platform.notification + "/api/clients/" + clientId + "/preferences",
                scheduler,
                "application/json",
                "{\"version\":0,\"channels\":\"" + channels + "\"}",
                Map.of());
    }

    Reply closure(LocalDate day, String trackCode) {
        return Http.post(
                platform.scheduling + "/api/closures",
                scheduler,
                Map.of("firstDay", day.toString(), "lastDay", day.toString(), "trackCode", trackCode));
    }

    Reply groupSessions(LocalDate day, String trackCode) {
        return Http.get(platform.scheduling + "/api/group-sessions?date=" + day + "&track=" + trackCode, clinician);
    }

    Reply recordAttendance(String groupSessionId, String clientId, String attendance) {
        return Http.post(
                platform.scheduling + "/api/group-sessions/" + groupSessionId + "/attendance",
                clinician,
                Map.of("entries", List.of(Map.of("clientId", clientId, "attendance", attendance))));
    }

    /** One group's attendance in one call: client id to PRESENT, LATE, EXCUSED or ABSENT. */
    Reply recordAttendance(String groupSessionId, Map<String, String> attendance) {
        List<Map<String, String>> entries = attendance.entrySet().stream()
                .map(entry -> Map.of("clientId", entry.getKey(), "attendance", entry.getValue()))
                .toList();
        return Http.post(
                platform.scheduling + "/api/group-sessions/" + groupSessionId + "/attendance",
                clinician,
                Map.of("entries", entries));
    }

    /**
     * Moves scheduling's clock ahead (local run only, {@code POST /dev/clock/advance}): sessions end
     * and start for scheduling without waiting. The other services keep the real clock.
     */
    /** Scheduling's clock now (local run only, {@code GET /dev/clock}): ahead of the real one once moved. */
    java.time.Instant schedulingNow() {
        Reply clock = Http.get(platform.scheduling + "/dev/clock", admin);
        assertThat(clock.status()).as("%s", clock).isEqualTo(200);
        return java.time.Instant.parse(clock.json().get("now").asString());
    }

    Reply advanceSchedulingClock(java.time.Duration by) {
        return Http.post(platform.scheduling + "/dev/clock/advance", admin, Map.of("by", by.toString()));
    }

    // treatment plan

    Reply plan(String clientId) {
        return Http.get(platform.treatmentPlan + "/api/clients/" + clientId + "/plan", clinician);
    }

    Reply writeVersion(String planId, int basedOn, String reason) {
        return Http.post(
                platform.treatmentPlan + "/api/plans/" + planId + "/versions",
                clinician,
                Map.of("basedOnVersion", basedOn, "reason", reason, "content", planContent()));
    }

    Reply activate(String planId, int version) {
        return Http.post(
                platform.treatmentPlan + "/api/plans/" + planId + "/activate",
                clinician,
                Map.of(
                        "version",
                        version,
                        "acknowledgedAt",
                        Instant.now().minusSeconds(60).toString(),
                        "acknowledgementMethod",
                        "SIGNED_IN_PERSON"));
    }

    /**
     * The facilitator's group note: the group's part once and a short part for each of these client
     * sessions of the group.
     */
    Reply writeGroupNote(String topic, List<String> sessionIds) {
        Map<String, Object> group = Map.of(
                "topic", topic, "modality", "GROUP_THERAPY", "interventions", List.of("Urge surfing", "Role play"));
        List<Map<String, Object>> attendees = sessionIds.stream()
                .map(session -> Map.<String, Object>of(
                        "sessionId",
                        session,
                        "part",
                        Map.of(
                                "participation", "ACTIVE",
                                "progress", "SOME_PROGRESS",
                                "riskCheck", "NO_RISK_IDENTIFIED",
                                "comment", "Shared a plan for the weekend")))
                .toList();
        return Http.post(
                platform.treatmentPlan + "/api/group-notes", clinician, Map.of("group", group, "attendees", attendees));
    }

    Reply signGroupNote(String groupNoteId) {
        return Http.post(platform.treatmentPlan + "/api/group-notes/" + groupNoteId + "/sign", clinician, Map.of());
    }

    /** The client's record of notes, oldest first. */
    Reply notes(String clientId) {
        return Http.get(platform.treatmentPlan + "/api/clients/" + clientId + "/notes", clinician);
    }

    /** Words of the plan below that must never reach the client in a message. */
    static final List<String> PLAN_WORDS =
            List.of("low mood", "cognitive", "group therapy", "GROUP_THERAPY", "PHQ", "depress");

    static Map<String, Object> planContent() {
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("statement", "Fewer days of low mood");
        goal.put("targetDate", LocalDate.now().plusDays(60).toString());
        goal.put("measureTarget", Map.of("instrument", "PHQ9", "below", 10));
        goal.put("objectives", List.of(Map.of("statement", "Attend three sessions a week", "status", "IN_PROGRESS")));
        return Map.of(
                "problems",
                List.of(Map.of(
                        "category", "MENTAL_HEALTH",
                        "statement", "Low mood most days, affecting work (depressive episode)",
                        "goals", List.of(goal))),
                "interventions",
                List.of(Map.of(
                        "modality", "GROUP_THERAPY",
                        "frequency", Map.of("times", 3, "per", "WEEK"),
                        "responsibleRole", "GROUP_FACILITATOR",
                        "description", "Cognitive behavioural skills group")));
    }

    // notification

    // work items (each service serves its own)

    /** A client's work items in one service, as a clinical supervisor sees them. */
    List<JsonNode> workItems(String service, String clientId) {
        Reply reply = Http.get(service + "/api/work-items?clientId=" + clientId, supervisor);
        assertThat(reply.status()).as("work items of %s: %s", clientId, reply).isEqualTo(200);
        List<JsonNode> items = new java.util.ArrayList<>();
        reply.json().path("content").forEach(items::add);
        return items;
    }

    JsonNode workItem(String service, JsonNode item) {
        Reply reply = Http.get(service + "/api/work-items/" + item.path("id").asString(), supervisor);
        assertThat(reply.status()).as("work item: %s", reply).isEqualTo(200);
        return reply.json();
    }

    Reply acknowledge(String service, JsonNode item) {
        return Http.post(
                service + "/api/work-items/" + item.path("id").asString() + "/acknowledge", supervisor, Map.of());
    }

    /** What notification-service holds for the client, newest first. */
    Reply messages(String clientId) {
        // message text is for the care team and supervisors; the coordinator sees delivery only
        return Http.get(platform.notification + "/api/clients/" + clientId + "/messages", supervisor);
    }

    /** The staff view of the client's messages of one kind (any channel, any audience). */
    List<JsonNode> messages(String clientId, String kind) {
        Reply reply = messages(clientId);
        assertThat(reply.status()).as("messages of %s: %s", clientId, reply).isEqualTo(200);
        List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode message : reply.json()) {
            if (kind.equals(message.path("kind").asString())) {
                found.add(message);
            }
        }
        return found;
    }

    static String id(Reply reply) {
        return reply.json().get("id").asString();
    }

    static UUID uuid(JsonNode node, String field) {
        return UUID.fromString(node.get(field).asString());
    }

    ZoneId zone() {
        return platform.zone;
    }
}
