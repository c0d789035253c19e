package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iopcare.acceptance.Journey.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.iopcare.acceptance.Http.Reply;
import org.iopcare.acceptance.Journey.Enrolled;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 2: two missed sessions → outreach to the client and an alert to the care team → the plan
 * flagged for review → a new version activated → a plan-review notice that names no treatment.
 *
 * <p>Two sessions of one client cannot overlap and the shortest bookable one lasts 10 minutes, so
 * two misses take at least 10 minutes of scheduling's time: a 10-minute individual session swept as
 * a no-show once it ended (the suite runs scheduling with no grace period and a one-second sweep),
 * then the track's group session starting after it, recorded absent by staff. Instead of waiting,
 * the suite moves scheduling's clock ahead past the group session's start (local run only,
 * {@code POST /dev/clock/advance}); it runs last, because that moves time for every client.
 */
final class MissedSessions {

    private static final Duration INDIVIDUAL = Duration.ofMinutes(10);

    private final Journey journey;
    private final StaffApp staff;

    private Person jordan;
    private Enrolled client;
    private String planId;
    private Instant setupAt;
    private Instant individualStart;
    private Instant groupStart;
    private String individualId;

    MissedSessions(Journey journey) {
        this.journey = journey;
        this.staff = journey.staff;
    }

    void run() {
        setUp();
        finish();
    }

    /** The client, once {@link #run} has taken them through enrollment, missed sessions and a revised plan. */
    Enrolled client() {
        return client;
    }

    /** Enrollment, an active plan, and the individual session starting in seconds. */
    private void setUp() {
        setupAt = Instant.now().minusSeconds(1);
        jordan = Person.numbered("Jordan", "Blake", 2);
        LocalTime meeting = journey.createTrack("ACC-TWO", INDIVIDUAL.plusSeconds(90));
        groupStart = journey.today(meeting);
        client = journey.enroll(jordan, "ACC-TWO", "clin-acc-2");
        journey.awaitSessions(client.clientId());
        planId = journey.awaitPlan(client.clientId(), "DRAFT").get("id").asString();
        assertThat(staff.writeVersion(planId, 0, "Initial plan").status()).isEqualTo(201);
        assertThat(staff.activate(planId, 1).status()).isEqualTo(200);

        individualStart = Journey.fromNow(Duration.ofSeconds(5));
        assertThat(individualStart.plus(INDIVIDUAL))
                .as("the set-up took too long: the individual session would overlap the group session")
                .isBeforeOrEqualTo(groupStart);
        Reply booked = staff.bookSession(client.clientId(), individualStart, (int) INDIVIDUAL.toMinutes());
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        individualId = StaffApp.id(booked);

        // for scheduling, the individual session is over and the group session has begun
        Reply moved = staff.advanceSchedulingClock(
                Duration.between(Instant.now(), groupStart).plusSeconds(20));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
    }

    private void finish() {
        String clientId = client.clientId();

        // miss 1: the sweep marks the individual session a no-show once it ended
        await("individual session swept as a no-show", Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                session(individualId).path("attendance").asString())
                        .isEqualTo("NO_SHOW"));

        // miss 2: staff record the group session absent once it started
        Reply groups = staff.groupSessions(LocalDate.now(journey.platform.zone), "ACC-TWO");
        assertThat(groups.status()).as("%s", groups).isEqualTo(200);
        String groupId = groups.json().get(0).get("id").asString();
        Reply absent = staff.recordAttendance(groupId, clientId, "ABSENT");
        assertThat(absent.status()).as("%s", absent).isEqualTo(200);
        assertThat(absent.json().get("changed").asInt()).isEqualTo(1);
        assertThat(Journey.sessionAt(journey.sessions(clientId), groupStart)
                        .path("attendance")
                        .asString())
                .isEqualTo("ABSENT");

        // the plan is flagged for review because of the two misses (the first one may already have
        // flagged it for attendance below the weekly minimum: a client starting late in the week)
        await("plan flagged for missed sessions", Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode plan = staff.plan(clientId).json();
            assertThat(plan.get("status").asString()).isEqualTo("REVIEW_REQUIRED");
            assertThat(Journey.list(plan.get("openFlags")).stream().map(JsonNode::asString))
                    .contains("MISSED_SESSIONS");
        });

        // outreach to the client, an alert to the care team
        JsonNode outreach =
                journey.awaitSent(clientId, "MISSED_SESSION_OUTREACH", "SMS", setupAt, Duration.ofSeconds(30));
        journey.awaitOnPhone(jordan.phone(), outreach);
        JsonNode alert =
                journey.awaitSent(clientId, "CARE_TEAM_MISSED_ALERT", "EMAIL", setupAt, Duration.ofSeconds(30));
        assertThat(alert.get("destination").asString()).isEqualTo(AcceptancePlatform.CARE_TEAM_EMAIL);
        journey.awaitInMailbox(AcceptancePlatform.CARE_TEAM_EMAIL, alert);

        // a new version, activated: the flag is resolved and the client is told, naming no treatment
        Reply version = staff.writeVersion(planId, 1, "Reviewed after two missed sessions");
        assertThat(version.status()).as("%s", version).isEqualTo(201);
        Instant activated = Instant.now().minusSeconds(1);
        Reply activation = staff.activate(planId, 2);
        assertThat(activation.status()).as("%s", activation).isEqualTo(200);
        JsonNode active = journey.awaitPlan(clientId, "ACTIVE");
        assertThat(active.get("activeVersion").asInt()).isEqualTo(2);
        assertThat(active.get("openFlags")).isEmpty();
        JsonNode notice = journey.awaitSent(clientId, "PLAN_REVIEW_NOTICE", "SMS", activated, Duration.ofSeconds(30));
        JsonNode received = journey.awaitOnPhone(jordan.phone(), notice);
        ClientFacingText.assertRevealsNothing(
                "plan-review notice", received.get("body").asString(), StaffApp.PLAN_WORDS);

        journey.everythingReceived(jordan)
                .forEach(text ->
                        ClientFacingText.assertRevealsNothing("message to Jordan", text, List.of("Acceptance track")));
    }

    private JsonNode session(String id) {
        return journey.sessions(client.clientId()).stream()
                .filter(s -> s.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("session " + id + " not listed"));
    }
}
