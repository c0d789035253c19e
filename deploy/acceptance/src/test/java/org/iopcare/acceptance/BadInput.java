package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iopcare.acceptance.Http.Reply;
import org.iopcare.acceptance.Journey.Enrolled;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 7: bad input at every public endpoint of the flow answers a 4xx problem response that
 * does not echo what was sent, and changes nothing that staff or the client can see.
 */
final class BadInput {

    /** Submitted values that must never come back in a problem response. */
    private static final String BAD_PHONE = "+1-BAD-PHONE-777";

    private static final String BAD_ZONE = "Mars/Olympus_Mons";

    private final Journey journey;
    private final StaffApp staff;
    private final AcceptancePlatform platform;
    private final List<String> checked = new ArrayList<>();

    BadInput(Journey journey) {
        this.journey = journey;
        this.staff = journey.staff;
        this.platform = journey.platform;
    }

    void run() {
        Person casey = Person.numbered("Casey", "Quinn", 7);
        Reply track = staff.createTrack("ACC-SEVEN", LocalTime.of(10, 0), staff.tomorrowAndTwoMore());
        assertThat(track.status()).as("%s", track).isEqualTo(201);
        Enrolled client = journey.enroll(casey, "ACC-SEVEN", "clin-acc-7");
        journey.awaitSessions(client.clientId());
        String planId = journey.awaitPlan(client.clientId(), "DRAFT").get("id").asString();
        LocalDate tomorrow = LocalDate.now(platform.zone).plusDays(1);
        Reply groups = staff.groupSessions(tomorrow, "ACC-SEVEN");
        String groupId = groups.json().get(0).get("id").asString();
        // the inquiry's acknowledgement is delivered before the picture is taken
        journey.awaitSent(client.clientId(), "INQUIRY_ACKNOWLEDGEMENT", "SMS", Instant.EPOCH, Duration.ofSeconds(20));

        String before = snapshot(client, planId, tomorrow);

        intake(client, casey);
        scheduling(client, groupId);
        treatmentPlan(client, planId);
        notification(casey);

        assertThat(snapshot(client, planId, tomorrow))
                .as("what staff and the client see")
                .isEqualTo(before);
        System.out.printf("[acceptance] scenario 7 checked %d refusals: %s%n", checked.size(), checked);
    }

    private void intake(Enrolled client, Person casey) {
        String intake = platform.intake;
        Map<String, Object> form = form(casey);
        form.put("phone", BAD_PHONE);
        problem(
                "inquiry: invalid phone",
                Http.post(intake + "/api/inquiries", null, form),
                400,
                "validation",
                "BAD-PHONE");
        problem(
                "inquiry: malformed JSON",
                Http.postRaw(intake + "/api/inquiries", null, "{\"firstName\": \"Casey\", "),
                400,
                "malformed-request");
        Map<String, Object> channel = form(casey);
        channel.put("preferredChannel", "CARRIER_PIGEON");
        problem("inquiry: unknown channel", Http.post(intake + "/api/inquiries", null, channel), 400, null, "PIGEON");

        String inquiry = intake + "/api/inquiries/" + client.inquiryId();
        problem(
                "inquiry: unknown status",
                Http.patch(inquiry, staff.coordinator, Map.of("status", "TELEPORTED")),
                400,
                null,
                "TELEPORTED");
        problem(
                "inquiry: back to NEW",
                Http.patch(inquiry, staff.coordinator, Map.of("status", "NEW")),
                409,
                "illegal-transition");
        problem(
                "inquiry: unknown id",
                Http.get(intake + "/api/inquiries/" + UUID.randomUUID(), staff.coordinator),
                404,
                null);

        Map<String, Object> screening = StaffApp.screening(false);
        screening.put(
                "ratings",
                Map.of(
                        "withdrawal",
                        9,
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
        problem(
                "screening: rating out of range",
                Http.post(inquiry + "/screenings", staff.clinician, screening),
                400,
                "validation");

        Map<String, Object> enrollment = staff.enrollment(client.inquiryId(), casey, "ACC-SEVEN", "clin-acc-7");
        @SuppressWarnings("unchecked")
        Map<String, Object> person = new LinkedHashMap<>((Map<String, Object>) enrollment.get("client"));
        person.put("timeZone", BAD_ZONE);
        Map<String, Object> badZone = new LinkedHashMap<>(enrollment);
        badZone.put("client", person);
        problem(
                "enrollment: unknown time zone",
                Http.post(intake + "/api/enrollments", staff.coordinator, badZone),
                400,
                "validation",
                "Olympus");
        problem("enrollment: twice", Http.post(intake + "/api/enrollments", staff.coordinator, enrollment), 409, null);
        problem("enrollment: no token", Http.post(intake + "/api/enrollments", null, enrollment), 401, "unauthorized");
        problem(
                "enrollment: scheduler",
                Http.post(intake + "/api/enrollments", staff.scheduler, enrollment),
                403,
                "forbidden");

        problem(
                "discharge: unknown reason",
                Http.post(
                        intake + "/api/clients/" + client.clientId() + "/discharge",
                        staff.clinician,
                        Map.of("reason", "BORED")),
                400,
                null,
                "BORED");
    }

    private void scheduling(Enrolled client, String groupId) {
        String scheduling = platform.scheduling;
        Reply thin =
                Http.post(scheduling + "/api/tracks", staff.scheduler, trackWith("ACC-BAD-ONE", "America/New_York", 1));
        problem("track: below the IOP minimum", thin, 422, "below-iop-minimum");
        problem(
                "track: unknown zone",
                Http.post(scheduling + "/api/tracks", staff.scheduler, trackWith("ACC-BAD-TWO", BAD_ZONE, 3)),
                422,
                null,
                "Olympus");

        String sessions = scheduling + "/api/clients/" + client.clientId() + "/sessions";
        problem(
                "booking: too short",
                Http.post(
                        sessions,
                        staff.scheduler,
                        Map.of("startsAt", Instant.now().plusSeconds(3600).toString(), "minutes", 5)),
                400,
                "validation");
        problem(
                "booking: in the past",
                Http.post(
                        sessions,
                        staff.scheduler,
                        Map.of("startsAt", Instant.now().minusSeconds(3600).toString(), "minutes", 30)),
                422,
                "session-in-past");
        problem(
                "closure: no last day",
                Http.post(
                        scheduling + "/api/closures",
                        staff.scheduler,
                        Map.of("firstDay", LocalDate.now().plusDays(1).toString())),
                400,
                "validation");
        problem(
                "attendance: before the session",
                staff.recordAttendance(groupId, client.clientId(), "ABSENT"),
                422,
                "session-not-started");
        problem(
                "cancel: unknown session",
                Http.post(scheduling + "/api/sessions/" + UUID.randomUUID() + "/cancel", staff.scheduler, Map.of()),
                404,
                null);
    }

    private void treatmentPlan(Enrolled client, String planId) {
        String plans = platform.treatmentPlan + "/api/plans/" + planId;
        problem(
                "version: no content",
                Http.post(plans + "/versions", staff.clinician, Map.of("basedOnVersion", 0, "reason", "x")),
                400,
                "validation");
        problem(
                "version: stale",
                staff.writeVersion(planId, 5, "Based on a version that does not exist"),
                409,
                "stale-plan-version");
        problem("activation: no version yet", staff.activate(planId, 1), 409, null);
        problem(
                "assessment: seven PHQ-9 answers",
                Http.post(
                        platform.treatmentPlan + "/api/clients/" + client.clientId() + "/assessments",
                        staff.clinician,
                        Map.of("instrument", "PHQ9", "answers", List.of(1, 1, 1, 1, 1, 1, 1))),
                422,
                "wrong-item-count");
    }

    private void notification(Person casey) {
        String notification = platform.notification;
        problem(
                "SMS reply: not a number",
                Http.post(notification + "/sandbox/sms/reply", null, Map.of("from", "not-a-number", "body", "1")),
                400,
                null);
        problem(
                "inbound SMS webhook: unsigned",
                Http.postForm(
                        notification + "/api/sms/inbound",
                        Map.of("MessageSid", "SMforged", "From", casey.phone(), "Body", "STOP")),
                403,
                null);
        problem(
                "messages: not a client id",
                Http.get(notification + "/api/clients/not-a-uuid/messages", staff.coordinator),
                400,
                null);
    }

    private void problem(String what, Reply reply, int status, String type, String... notEchoed) {
        assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(status);
        assertThat(reply.isProblem())
                .as("%s answers a problem: %s %s", what, reply.contentType(), reply)
                .isTrue();
        if (type != null) {
            assertThat(reply.json().path("type").asString())
                    .as("%s: type", what)
                    .endsWith("/" + type);
        }
        for (String value : notEchoed) {
            assertThat(reply.body()).as("%s must not echo what was sent", what).doesNotContain(value);
        }
        checked.add(status + " " + what);
    }

    /** What staff see of the client across the four services, and what the client's phone holds. */
    private String snapshot(Enrolled client, String planId, LocalDate tomorrow) {
        StringBuilder all = new StringBuilder();
        all.append(staff.inquiries().body()).append('\n');
        all.append(staff.inquiry(client.inquiryId()).body()).append('\n');
        all.append(staff.client(client.clientId()).body()).append('\n');
        all.append(staff.tracks().body()).append('\n');
        all.append(staff.sessions(client.clientId()).body()).append('\n');
        all.append(staff.groupSessions(tomorrow, "ACC-SEVEN").body()).append('\n');
        all.append(staff.plan(client.clientId()).body()).append('\n');
        all.append(Http.get(platform.treatmentPlan + "/api/plans/" + planId + "/versions", staff.clinician)
                        .body())
                .append('\n');
        // the welcome may still be on its way; every other message is listed with its kind and channel
        for (JsonNode message : staff.messages(client.clientId()).json()) {
            if (!message.path("kind").asString().equals("WELCOME")) {
                all.append(message.path("id").asString())
                        .append(' ')
                        .append(message.path("kind").asString())
                        .append(' ')
                        .append(message.path("channel").asString())
                        .append('\n');
            }
        }
        all.append(Http.get(platform.notification + "/api/inbox?clientId=" + client.clientId(), staff.coordinator)
                .body());
        return all.toString();
    }

    private Map<String, Object> form(Person person) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("firstName", person.firstName());
        form.put("lastName", person.lastName());
        form.put("phone", person.phone());
        form.put("email", person.email());
        form.put("preferredChannel", person.preferredChannel());
        form.put("contactConsent", true);
        form.put("referralSource", "SELF");
        return form;
    }

    private Map<String, Object> trackWith(String code, String zone, int days) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Refused track");
        body.put("timeZone", zone);
        body.put("meetingDays", List.of("MONDAY", "WEDNESDAY", "FRIDAY").subList(0, days));
        body.put("localStart", "09:00");
        body.put("localEnd", "12:00");
        body.put("capacity", 12);
        body.put("ageGroup", "ADULT");
        body.put("components", List.of(Map.of("kind", "GROUP_THERAPY", "minutes", 180)));
        return body;
    }
}
