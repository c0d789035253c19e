package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iopcare.acceptance.Journey.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.iopcare.acceptance.Http.Reply;
import org.iopcare.acceptance.Journey.Enrolled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The IOP workflow end to end, on one platform of real processes (Kafka, PostgreSQL, the four
 * services from their jars), driven as staff apps do (REST) and as clients do (the sandbox phone and
 * mailbox). Each scenario asserts what staff see in the APIs and what the client received.
 *
 * <p>Time is real except where scenario 2 moves scheduling's clock (it runs last). Scenario 1 waits
 * for its first session's reminder, and scenarios 5 and 6 until past the time a cancelled reminder
 * would have been due: these fall due within two minutes of their setup, so they are checked after
 * scenarios 3, 4 and 7 (5 and 6 are set up before scenario 1), and that time passes while those run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AcceptanceIT {

    private static final long SUITE_START = System.nanoTime();

    private static AcceptancePlatform platform;
    private static Journey journey;
    private static StaffApp staff;
    private static ClientDevices devices;

    private static ClosureDay closureDay;
    private static Discharge discharge;
    private static MissedSessions missedSessions;
    private static CareChanges careChanges;

    @BeforeAll
    static void start() {
        platform = AcceptancePlatform.get();
        journey = new Journey(platform);
        staff = journey.staff;
        devices = journey.devices;
        // set up first, so that the time until their reminders fall due passes while the other scenarios run
        closureDay = ClosureDay.begin(journey);
        discharge = Discharge.begin(journey);
        missedSessions = MissedSessions.begin(journey);
        careChanges = CareChanges.begin(journey);
        // the FHIR validator loads while the scenarios run, not while the platform starts
        FhirEpisode.prepare();
    }

    @AfterAll
    static void total() {
        System.out.printf(
                "[acceptance] suite total: %.1f s (platform start %.1f s)%n",
                seconds(SUITE_START), platform == null ? 0 : platform.startSeconds);
    }

    @Test
    @Order(1)
    void scenario1_inquiryToEnrollmentWelcomeScheduleAndDraftPlan() {
        long begin = System.nanoTime();
        Person sam = Person.numbered("Sam", "Rivera", 1);
        // the first meeting just over the reminder offset away: its reminder falls due in 20-80 s,
        // while the scenarios after this one run (the enrollment takes about 5 s)
        LocalTime meeting = journey.createTrack("ACC-ONE", AcceptancePlatform.REMINDER_OFFSET.plusSeconds(20));
        Instant firstSession = journey.today(meeting);

        Instant asked = Instant.now().minusSeconds(1);
        String[] ids = journey.inquire(sam);
        String inquiryId = ids[0];
        String clientId = ids[1];
        assertThat(staff.inquiry(inquiryId).json().get("status").asString()).isEqualTo("NEW");

        // acknowledged by SMS (the channel they chose); the intake team hears of new inquiries in one
        // summary per period (notification-service's IntakeSummaryIT), not an email per inquiry
        JsonNode ack = journey.awaitSent(clientId, "INQUIRY_ACKNOWLEDGEMENT", "SMS", asked, Duration.ofSeconds(20));
        assertThat(ack.get("destination").asString()).isEqualTo(sam.phone());
        journey.awaitOnPhone(sam.phone(), ack);
        assertThat(staff.messages(clientId, "INTAKE_TEAM_ALERT")).isEmpty();

        // screening recommends IOP, enrollment
        assertThat(staff.markContacted(inquiryId).status()).isEqualTo(200);
        Reply screening = staff.screenForIop(inquiryId);
        assertThat(screening.status()).as("%s", screening).isEqualTo(201);
        assertThat(screening.json().get("recommendedLevel").asString()).isEqualTo("IOP");
        Instant enrolledAt = Instant.now().minusSeconds(1);
        Reply enrollment = staff.enroll(inquiryId, sam, "ACC-ONE", "clin-acc-1");
        assertThat(enrollment.status()).as("%s", enrollment).isEqualTo(201);
        assertThat(enrollment.location()).endsWith("/api/clients/" + clientId);
        assertThat(staff.inquiry(inquiryId).json().get("status").asString()).isEqualTo("ENROLLED");
        assertThat(staff.client(clientId).status()).isEqualTo(200);

        // scheduling built the schedule: today's meeting first, every group session at the track's time
        List<JsonNode> sessions = journey.awaitSessions(clientId);
        JsonNode first = Journey.sessionAt(sessions, firstSession);
        assertThat(first.get("kind").asString()).isEqualTo("GROUP");
        assertThat(first.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(sessions.stream().filter(s -> s.get("kind").asString().equals("GROUP")))
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(s -> assertThat(java.time.LocalDateTime.parse(
                                        s.get("localStart").asString())
                                .toLocalTime())
                        .isEqualTo(meeting));

        // treatment-plan opened a draft
        JsonNode plan = journey.awaitPlan(clientId, "DRAFT");
        assertThat(plan.get("currentVersion").asInt()).isZero();

        // the welcome names the first session's time
        JsonNode welcome = journey.awaitSent(clientId, "WELCOME", "SMS", enrolledAt, Duration.ofSeconds(40));
        JsonNode welcomed = journey.awaitOnPhone(sam.phone(), welcome);
        assertThat(welcomed.get("body").asString()).containsAnyOf(clock24(meeting), clock12(meeting));

        // the reminder, due in about a minute, is checked after scenarios 3, 4, 7, 6 and 5 (scenario 2,
        // which moves scheduling's clock ahead, comes last)
        firstReminder = new FirstReminder(sam, clientId, meeting, firstSession, enrolledAt);
        report(1, begin);
    }

    /** Scenario 1's first session, whose reminder falls due while the other scenarios run. */
    private record FirstReminder(
            Person sam, String clientId, LocalTime meeting, Instant firstSession, Instant enrolledAt) {}

    private static FirstReminder firstReminder;

    /** Scenario 1, continued: the reminder arrives before the first session, at the offset, inside the send window. */
    @Test
    @Order(8)
    void scenario1_reminderBeforeTheFirstSessionAtTheOffset() {
        assertThat(firstReminder).as("scenario 1 reached its enrollment").isNotNull();
        long begin = System.nanoTime();
        Person sam = firstReminder.sam();
        String clientId = firstReminder.clientId();
        LocalTime meeting = firstReminder.meeting();
        Instant firstSession = firstReminder.firstSession();
        Instant enrolledAt = firstReminder.enrolledAt();
        Instant due = firstSession.minus(AcceptancePlatform.REMINDER_OFFSET);
        JsonNode reminder = journey.awaitReminder(clientId, firstSession, enrolledAt, Duration.ofSeconds(60));
        JsonNode reminded = journey.awaitOnPhone(sam.phone(), reminder);
        Instant arrived = Instant.parse(reminded.get("time").asString());
        assertThat(arrived).isBefore(firstSession).isAfterOrEqualTo(due.minusSeconds(2));
        LocalTime local = arrived.atZone(platform.zone).toLocalTime();
        assertThat(local).isBetween(platform.sendWindowStart, platform.sendWindowEnd);
        assertThat(reminded.get("body").asString()).containsAnyOf(clock24(meeting), clock12(meeting));

        journey.everythingReceived(sam)
                .forEach(text ->
                        ClientFacingText.assertRevealsNothing("message to Sam", text, List.of("Acceptance track")));
        System.out.printf("[acceptance] scenario 1, its reminder: %.1f s%n", seconds(begin));
    }

    @Test
    @Order(2)
    void scenario3_confirmStopAndStart() {
        long begin = System.nanoTime();
        Person alex = Person.numbered("Alex", "Morgan", 3);
        // meets from tomorrow on, so the next session is tomorrow's and no group reminder is due today
        Reply track = staff.createTrack("ACC-THREE", LocalTime.of(10, 0), staff.tomorrowAndTwoMore());
        assertThat(track.status()).as("%s", track).isEqualTo(201);
        Instant enrolledAt = Instant.now().minusSeconds(1);
        Enrolled client = journey.enroll(alex, "ACC-THREE", "clin-acc-3");
        List<JsonNode> sessions = journey.awaitSessions(client.clientId());
        journey.awaitSent(client.clientId(), "WELCOME", "SMS", enrolledAt, Duration.ofSeconds(40));
        JsonNode next = sessions.stream()
                .filter(s -> s.get("status").asString().equals("SCHEDULED"))
                .min((a, b) ->
                        a.get("startsAt").asString().compareTo(b.get("startsAt").asString()))
                .orElseThrow();

        // "1": the next session shows confirmed to staff, no other
        assertThat(devices.reply(alex.phone(), "1").status()).isEqualTo(200);
        await("next session confirmed", Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> now = journey.sessions(client.clientId());
            for (JsonNode session : now) {
                boolean isNext =
                        session.get("id").asString().equals(next.get("id").asString());
                assertThat(session.path("confirmedAt").isNull()
                                || session.path("confirmedAt").isMissingNode())
                        .as("confirmedAt of %s", session)
                        .isEqualTo(!isNext);
            }
        });

        // STOP: one confirmation by SMS, then reminders by email only
        Instant stopped = Instant.now().minusSeconds(1);
        assertThat(devices.reply(alex.phone(), "STOP").status()).isEqualTo(200);
        JsonNode optOut =
                journey.awaitSent(client.clientId(), "OPT_OUT_CONFIRMATION", "SMS", stopped, Duration.ofSeconds(20));
        journey.awaitOnPhone(alex.phone(), optOut);
        int smsAfterStop = devices.sms(alex.phone()).size();
        // intake's consent record follows (contact-consent-changed): withdrawn by the client's reply
        awaitSmsConsent(client.clientId(), false, stopped);

        Instant booked = Instant.now().minusSeconds(1);
        Instant individual = Journey.fromNow(Duration.ofMinutes(3));
        assertThat(staff.bookSession(client.clientId(), individual, 10).status())
                .isEqualTo(201);
        JsonNode emailed =
                journey.awaitSent(client.clientId(), "SESSION_REMINDER", "EMAIL", booked, Duration.ofSeconds(30));
        journey.awaitInMailbox(alex.email(), emailed);
        await("no SMS while opted out", Duration.ofSeconds(8))
                .during(Duration.ofSeconds(4))
                .untilAsserted(() -> {
                    assertThat(devices.sms(alex.phone())).hasSize(smsAfterStop);
                    assertThat(staff.messages(client.clientId(), "SESSION_REMINDER").stream()
                                    .filter(m -> m.get("channel").asString().equals("SMS"))
                                    .map(m -> m.get("status").asString()))
                            .allSatisfy(status -> assertThat(status).isIn("SUPPRESSED", "CANCELLED"));
                });

        // START: confirmed, and SMS reminders resume
        Instant restarted = Instant.now().minusSeconds(1);
        assertThat(devices.reply(alex.phone(), "START").status()).isEqualTo(200);
        JsonNode optIn =
                journey.awaitSent(client.clientId(), "OPT_IN_CONFIRMATION", "SMS", restarted, Duration.ofSeconds(20));
        journey.awaitOnPhone(alex.phone(), optIn);
        awaitSmsConsent(client.clientId(), true, restarted);
        Instant second = individual.plus(Duration.ofMinutes(15));
        Instant rebooked = Instant.now().minusSeconds(1);
        assertThat(staff.bookSession(client.clientId(), second, 10).status()).isEqualTo(201);
        JsonNode texted =
                journey.awaitSent(client.clientId(), "SESSION_REMINDER", "SMS", rebooked, Duration.ofSeconds(30));
        journey.awaitOnPhone(alex.phone(), texted);

        journey.everythingReceived(alex)
                .forEach(text ->
                        ClientFacingText.assertRevealsNothing("message to Alex", text, List.of("Acceptance track")));

        // crisis language in a reply: the automatic answer with 988 on the phone within 5 s, and
        // urgent work for the care team
        int before = devices.sms(alex.phone()).size();
        long replied = System.nanoTime();
        assertThat(devices.reply(alex.phone(), "I can't go on, I want to end my life")
                        .status())
                .isEqualTo(200);
        await("crisis answer on the phone", Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(devices.sms(alex.phone()))
                        .hasSize(before + 1)
                        .first()
                        .satisfies(
                                sms -> assertThat(sms.path("body").asString()).contains("988")));
        System.out.printf(
                "[acceptance] crisis answer on the client's phone %d ms after the reply%n",
                (System.nanoTime() - replied) / 1_000_000);
        await("urgent work for the crisis reply", Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(staff.workItems(platform.notification, client.clientId()))
                        .anySatisfy(item -> {
                            assertThat(item.path("kind").asString()).isEqualTo("CRISIS_REPLY");
                            assertThat(item.path("priority").asString()).isEqualTo("URGENT");
                            assertThat(item.path("ownerStaffId").asString()).isEqualTo("clin-acc-3");
                        }));
        report(3, begin);
    }

    /** The local run's clinical supervisor and program administrator (service-support's application-local.yaml). */
    static final String SUPERVISOR_PHONE = "+15550100111";

    static final String SUPERVISOR_EMAIL = "karin.lindqvist@example.org";
    static final String ADMIN_EMAIL = "pat.moreno@example.org";

    /** The fixed text of every escalation alert (StaffAlerted.TEXT). */
    static final String STAFF_ALERT = "An urgent item needs you in IOP Care";

    /** How many of these SMS or emails are the fixed staff alert, which names no client. */
    static long staffAlerts(List<JsonNode> received) {
        return received.stream()
                .filter(m -> ClientDevices.normalized(m.path("body").asString()).equals(STAFF_ALERT))
                .count();
    }

    @Test
    @Order(3)
    void scenario4_crisisScreeningBlocksEnrollment() {
        long begin = System.nanoTime();
        Person robin = Person.numbered("Robin", "Lee", 4).preferring("EMAIL");
        Instant asked = Instant.now().minusSeconds(1);
        String[] ids = journey.inquire(robin);
        String inquiryId = ids[0];
        String clientId = ids[1];

        // acknowledged by email, the channel Robin chose
        JsonNode ack = journey.awaitSent(clientId, "INQUIRY_ACKNOWLEDGEMENT", "EMAIL", asked, Duration.ofSeconds(20));
        assertThat(ack.get("destination").asString()).isEqualTo(robin.email());
        journey.awaitInMailbox(robin.email(), ack);

        assertThat(staff.markContacted(inquiryId).status()).isEqualTo(200);
        Reply screening = staff.screenForCrisis(inquiryId);
        assertThat(screening.status()).as("%s", screening).isEqualTo(201);
        assertThat(screening.json().get("recommendedLevel").asString()).isEqualTo("CRISIS");
        assertThat(screening.json().get("urgent").asBoolean()).isTrue();
        long supervisorSms = staffAlerts(devices.sms(SUPERVISOR_PHONE));
        long supervisorEmails = staffAlerts(devices.emails(SUPERVISOR_EMAIL));
        long adminEmails = staffAlerts(devices.emails(ADMIN_EMAIL));

        Reply refused = staff.enroll(inquiryId, robin, "ACC-ONE", "clin-acc-4");
        assertThat(refused.status()).as("%s", refused).isEqualTo(422);
        assertThat(refused.isProblem()).as(refused.contentType()).isTrue();
        assertThat(refused.json().get("type").asString()).endsWith("/level-of-care-blocks-enrollment");
        assertThat(refused.json().get("detail").asString()).contains("CRISIS");
        assertThat(refused.body()).doesNotContain(robin.phone(), robin.email(), robin.lastName());

        // nothing changed anywhere: no client, no schedule, no plan, no welcome
        assertThat(staff.inquiry(inquiryId).json().get("status").asString()).isEqualTo("SCREENING");
        assertThat(staff.client(clientId).status()).isEqualTo(404);
        await("no schedule, plan or welcome", Duration.ofSeconds(8))
                .during(Duration.ofSeconds(3))
                .untilAsserted(() -> {
                    assertThat(staff.sessions(clientId).status()).isEqualTo(404);
                    assertThat(staff.plan(clientId).status()).isEqualTo(404);
                    assertThat(staff.messages(clientId, "WELCOME")).isEmpty();
                });

        // the urgent screening is owned work; nobody acknowledges it: it escalates to the clinical
        // supervisors, then to the program administrators, one alert per step by SMS and email
        JsonNode item = staff.workItems(platform.intake, clientId).get(0);
        assertThat(item.path("kind").asString()).isEqualTo("URGENT_SCREENING");
        assertThat(item.path("priority").asString()).isEqualTo("URGENT");
        // a second urgent screening, which a supervisor acknowledges after the first step
        Person sky = Person.numbered("Sky", "Reed", 41).preferring("EMAIL");
        String[] skyIds = journey.inquire(sky);
        assertThat(staff.markContacted(skyIds[0]).status()).isEqualTo(200);
        assertThat(staff.screenForCrisis(skyIds[0]).status()).isEqualTo(201);
        JsonNode skyItem = staff.workItems(platform.intake, skyIds[1]).get(0);
        await("sky's item at the supervisors", Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(staff.workItem(platform.intake, skyItem)
                                .path("escalationStep")
                                .asInt())
                        .isEqualTo(1));
        assertThat(staff.acknowledge(platform.intake, skyItem).status()).isEqualTo(200);
        await("robin's item at the administrators", Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(staff.workItem(platform.intake, item)
                                .path("escalationStep")
                                .asInt())
                        .isEqualTo(2));
        await("one alert per step", Duration.ofSeconds(20))
                .during(AcceptancePlatform.ESCALATE_AFTER.multipliedBy(2))
                .untilAsserted(() -> {
                    // step 1 of both items to the supervisor, step 2 of robin's only to the administrator
                    assertThat(staffAlerts(devices.sms(SUPERVISOR_PHONE)) - supervisorSms)
                            .isEqualTo(2);
                    assertThat(staffAlerts(devices.emails(SUPERVISOR_EMAIL)) - supervisorEmails)
                            .isEqualTo(2);
                    assertThat(staffAlerts(devices.emails(ADMIN_EMAIL)) - adminEmails)
                            .isEqualTo(1);
                    assertThat(staff.workItem(platform.intake, skyItem)
                                    .path("escalationStep")
                                    .asInt())
                            .isEqualTo(1);
                });
        report(4, begin);
    }

    @Test
    @Order(4)
    void scenario7_badInputAtEveryPublicEndpointChangesNothing() {
        long begin = System.nanoTime();
        new BadInput(journey).run();
        report(7, begin);
    }

    @Test
    @Order(6)
    void scenario5_closureCancelsSessionsAndTheirReminders() {
        long begin = System.nanoTime();
        closureDay.finish();
        System.out.printf(
                "[acceptance] scenario 5: %.1f s (%.1f s since its setup began)%n",
                seconds(begin), seconds(closureDay.begun));
    }

    @Test
    @Order(5)
    void scenario6_dischargeCancelsSessionsDropsRemindersClosesPlan() {
        long begin = System.nanoTime();
        discharge.finish();
        System.out.printf(
                "[acceptance] scenario 6: %.1f s (%.1f s since its setup began)%n",
                seconds(begin), seconds(discharge.begun));
    }

    @Test
    @Order(7)
    void scenario8_transferRescheduleAndMakeUpTellTheClientWhatChanged() {
        long begin = System.nanoTime();
        careChanges.finish();
        System.out.printf(
                "[acceptance] scenario 8: %.1f s (%.1f s since its setup began)%n",
                seconds(begin), seconds(careChanges.begun));
    }

    /**
     * Last: it moves scheduling's clock ahead, for every client. Then the facilitator writes and signs
     * the note of a group set up before the other scenarios (a present and an absent client).
     */
    @Test
    @Order(9)
    void scenario2_twoMissedSessionsOutreachFlagNewVersionAndReviewNotice() {
        long begin = System.nanoTime();
        missedSessions.run();
        report(2, begin);
        // the episode as an integrator reads it through the four FHIR APIs
        long fhir = System.nanoTime();
        new FhirEpisode(journey)
                .readAndCheck(
                        missedSessions.client().clientId(),
                        missedSessions.attendee().clientId(),
                        "ACC-TWO");
        System.out.printf("[acceptance] FHIR episode read: %.1f s%n", seconds(fhir));
    }

    /** The client's SMS consent in intake: given or not, from the client's reply, recorded after {@code since}. */
    private void awaitSmsConsent(String clientId, boolean given, Instant since) {
        await("SMS consent " + given + " in intake", Duration.ofSeconds(20)).untilAsserted(() -> {
            Reply reply = staff.client(clientId);
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            JsonNode consent = reply.json().get("smsConsent");
            assertThat(consent.get("given").asBoolean()).as("%s", consent).isEqualTo(given);
            assertThat(consent.get("source").asString()).isEqualTo("MESSAGE_REPLY");
            assertThat(Instant.parse(consent.get("recordedAt").asString())).isAfter(since);
        });
    }

    static String clock24(LocalTime time) {
        return String.format("%d:%02d", time.getHour(), time.getMinute());
    }

    static String clock12(LocalTime time) {
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        return String.format("%d:%02d", hour, time.getMinute());
    }

    private static void report(int scenario, long begin) {
        System.out.printf("[acceptance] scenario %d: %.1f s%n", scenario, seconds(begin));
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
