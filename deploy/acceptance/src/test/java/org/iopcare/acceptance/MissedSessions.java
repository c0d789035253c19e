package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iopcare.acceptance.Journey.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
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
 *
 * <p>The facilitator then documents a group: Rae present and Drew absent in a group that met
 * while the other scenarios ran. treatment-plan keeps the real clock and takes a note only for a
 * session that has begun, so this group is set up first ({@link #begin}, in the suite's
 * {@code @BeforeAll}) on a track meeting within a minute or two; the group note goes into Rae's
 * record, signed, and Drew's record has none.
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

    private Throwable groupSetupFailure;
    private Enrolled rae;
    private Enrolled drew;
    private Instant documentedGroupStart;

    private MissedSessions(Journey journey) {
        this.journey = journey;
        this.staff = journey.staff;
    }

    /** Enrolls Rae and Drew on a track meeting about a minute from now: the group documented later. */
    static MissedSessions begin(Journey journey) {
        MissedSessions scenario = new MissedSessions(journey);
        try {
            scenario.setUpDocumentedGroup();
        } catch (Throwable e) {
            scenario.groupSetupFailure = e;
        }
        return scenario;
    }

    void run() {
        if (groupSetupFailure != null) {
            throw new AssertionError("scenario 2's documented group could not be set up", groupSetupFailure);
        }
        setUp();
        finish();
        documentTheGroup();
    }

    private void setUpDocumentedGroup() {
        // after scheduling's time too, should an earlier test have moved it ahead
        Duration ahead = Duration.between(Instant.now(), staff.schedulingNow());
        LocalTime meeting = journey.createTrack(
                "ACC-TWO-GROUP", Duration.ofSeconds(20).plus(ahead.isNegative() ? Duration.ZERO : ahead));
        documentedGroupStart = journey.today(meeting);
        java.util.concurrent.CompletableFuture<Enrolled> second = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> journey.enroll(Person.numbered("Drew", "Hale", 22), "ACC-TWO-GROUP", "clin-acc-2"));
        rae = journey.enroll(Person.numbered("Rae", "Collins", 21), "ACC-TWO-GROUP", "clin-acc-2");
        drew = second.join();
        assertThat(Instant.now())
                .as("the enrollments must come before the group meets, or it is not booked")
                .isBefore(documentedGroupStart);
    }

    /**
     * The facilitator records Rae present and Drew absent, writes the group's note once with a part
     * for Rae, and signs it: Rae's record holds the signed note, Drew's none.
     */
    private void documentTheGroup() {
        await("the documented group has begun", Journey.watchUntilPast(documentedGroupStart))
                .untilAsserted(() -> assertThat(Instant.now()).isAfter(documentedGroupStart));
        JsonNode group = staff.groupSessions(LocalDate.now(journey.platform.zone), "ACC-TWO-GROUP")
                .json()
                .get(0);
        Reply attendance = staff.recordAttendance(
                group.get("id").asString(), Map.of(rae.clientId(), "PRESENT", drew.clientId(), "ABSENT"));
        assertThat(attendance.status()).as("%s", attendance).isEqualTo(200);
        // the roster names each client's session of the group, as the console's composer reads it
        Map<String, String> sessionOf = new java.util.HashMap<>();
        group.get("roster")
                .forEach(seat -> sessionOf.put(
                        seat.get("clientId").asString(), seat.get("sessionId").asString()));
        String raeSession = sessionOf.get(rae.clientId());
        assertThat(sessionOf).containsKeys(rae.clientId(), drew.clientId());

        // the composer offers parts for the present only: the group's note is written once, with Rae's part
        Reply written = staff.writeGroupNote("Coping with cravings", List.of(raeSession));
        assertThat(written.status()).as("%s", written).isEqualTo(201);
        Reply signed = staff.signGroupNote(StaffApp.id(written));
        assertThat(signed.status()).as("%s", signed).isEqualTo(200);

        List<JsonNode> raeNotes = Journey.list(staff.notes(rae.clientId()).json());
        assertThat(raeNotes).singleElement().satisfies(note -> {
            assertThat(note.get("kind").asString()).isEqualTo("GROUP");
            assertThat(note.get("status").asString()).isEqualTo("SIGNED");
            assertThat(note.get("sessionId").asString()).isEqualTo(raeSession);
            assertThat(note.get("signedBy").asString()).isEqualTo(StaffApp.CLINICIAN_ID);
            assertThat(note.at("/content/group/topic").asString()).isEqualTo("Coping with cravings");
            assertThat(note.at("/content/attendee/participation").asString()).isEqualTo("ACTIVE");
        });
        Reply drewNotes = staff.notes(drew.clientId());
        assertThat(drewNotes.status()).as("%s", drewNotes).isEqualTo(200);
        assertThat(drewNotes.json()).as("the absent client's record").isEmpty();
    }

    /** The client, once {@link #run} has taken them through enrollment, missed sessions and a revised plan. */
    Enrolled client() {
        return client;
    }

    /** The client present at the documented group, once {@link #run} has recorded it. */
    Enrolled attendee() {
        return rae;
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
