package org.iopcare.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.SessionCancelled;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionModality;
import org.iopcare.events.SessionScheduled;
import org.iopcare.notification.NotificationIT;
import org.iopcare.notification.message.ClientMessages;
import org.iopcare.notification.projection.SessionEvents;
import org.iopcare.notification.recipient.ClientPreferences;
import org.iopcare.notification.recipient.PreferenceStore;
import org.iopcare.notification.recipient.RecipientRepository;
import org.iopcare.notification.session.SessionStore;
import org.iopcare.notification.sms.InboundSms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly digest on the real database, run at fixed instants in 2027 (far ahead, so neither the
 * shared context's scheduler nor its dispatcher touches what is planned here): the digest and the
 * reminders of a digest client, and the digest time in America/New_York across both DST changes.
 * Digest on Sundays at 18:00 local.
 */
class WeeklyDigestIT extends NotificationIT {

    private static final String ZONE = "America/New_York";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SessionStore sessions;

    @Autowired
    SessionEvents sessionEvents;

    @Autowired
    RecipientRepository recipients;

    @Autowired
    PreferenceStore preferences;

    @Autowired
    ClientMessages messages;

    @Autowired
    SendWindowProperties window;

    @Autowired
    ReminderProperties reminderProperties;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PlatformTransactionManager transactionManager;

    private UUID digestClient() {
        UUID id = InboundSms.recipient(jdbc, newNumber());
        jdbc.update("UPDATE recipient SET time_zone = ?, enrolled = true WHERE client_id = ?", ZONE, id);
        ClientPreferences defaults = ClientPreferences.defaults(id);
        assertThat(preferences.save(
                        new ClientPreferences(
                                id, null, null, true, null, defaults.language(), 1, "staff-scheduler", Instant.now()),
                        0))
                .isTrue();
        return id;
    }

    private WeeklyDigests digests(String now) {
        return digests(Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    private WeeklyDigests digests(Clock clock) {
        return new WeeklyDigests(
                sessions,
                recipients,
                preferences,
                messages,
                new DigestProperties(DayOfWeek.SUNDAY, LocalTime.of(18, 0)),
                jdbc,
                clock,
                meters,
                transactionManager);
    }

    private ReminderDelivery delivery(Instant now) {
        return new ReminderDelivery(
                sessions,
                recipients,
                messages,
                window,
                reminderProperties,
                jdbc,
                Clock.fixed(now, ZoneOffset.UTC),
                meters,
                transactionManager,
                preferences,
                digests(now.toString()));
    }

    private UUID session(UUID client, String start) {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse(start);
        sessions.scheduled(
                new SessionScheduled(
                        UUID.randomUUID(),
                        Instant.now(),
                        client,
                        id,
                        SessionKind.GROUP,
                        at,
                        at.plus(Duration.ofHours(3)),
                        ZONE,
                        SessionModality.IN_PERSON),
                Instant.now());
        return id;
    }

    private List<String> messages(UUID client, String kind) {
        return jdbc.queryForList(
                "SELECT to_char(next_attempt_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI\"Z\"') || ' ' || body FROM message WHERE client_id = ? AND kind = ? ORDER BY created_at",
                String.class,
                client,
                kind);
    }

    private Instant digestTask(UUID client) {
        return jdbc.queryForObject(
                        "SELECT execution_time FROM scheduled_tasks WHERE task_name = 'weekly-digest' AND task_instance = ?",
                        java.time.OffsetDateTime.class,
                        client.toString())
                .toInstant();
    }

    private void plan(UUID client, String now) {
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(tx -> digests(now).plan(client, Instant.parse(now)));
    }

    /** Runs the session's reminder (the clinic's first offset) at its due time. */
    private void remind(UUID session, String start) {
        Duration offset = reminderProperties.offsets().get(0);
        delivery(Instant.parse(start).minus(offset)).remind(session, offset);
    }

    @Test
    void aDigestClientGetsOneDigestForAWeekOfSixSessionsAndNoRemindersForThem() {
        UUID client = digestClient();
        plan(client, "2027-06-12T16:00:00Z");
        // Sunday 13 June 2027, 18:00 EDT
        assertThat(digestTask(client)).isEqualTo(Instant.parse("2027-06-13T22:00:00Z"));
        List<String> starts = List.of(
                "2027-06-14T22:00:00Z",
                "2027-06-15T22:00:00Z",
                "2027-06-16T14:00:00Z",
                "2027-06-17T22:00:00Z",
                "2027-06-18T22:00:00Z",
                "2027-06-19T14:00:00Z");
        List<UUID> week = starts.stream().map(start -> session(client, start)).toList();
        UUID nextWeek = session(client, "2027-06-21T22:00:00Z");
        // planned before the digest and due at the same moment: the pending digest will list it
        remind(week.get(0), starts.get(0));

        // a redelivered or second run of the task queues nothing more
        Optional<Instant> next = digests("2027-06-13T22:00:00Z").send(client);
        digests("2027-06-13T22:00:10Z").send(client);

        assertThat(next).contains(Instant.parse("2027-06-20T22:00:00Z"));
        List<String> digest = messages(client, "WEEKLY_DIGEST");
        assertThat(digest).hasSize(1);
        assertThat(digest.get(0))
                .startsWith("2027-06-13T22:00Z ")
                .contains(
                        "Monday, June 14 at 6:00 PM EDT",
                        "Wednesday, June 16 at 10:00 AM EDT",
                        "Saturday, June 19 at 10:00 AM EDT",
                        "(555)")
                .doesNotContain("June 21", "GROUP", "group");
        for (int i = 0; i < week.size(); i++) {
            remind(week.get(i), starts.get(i));
        }
        assertThat(messages(client, "SESSION_REMINDER")).isEmpty();

        // after the digest went out: a cancellation by the clinic is told on its own, and a session
        // added to the week gets its reminder; the next week's session waits for the next digest
        sessionEvents.on(new SessionCancelled(
                UUID.randomUUID(),
                Instant.now(),
                client,
                week.get(3),
                Instant.parse(starts.get(3)),
                CancellationReason.STAFF));
        assertThat(messages(client, "SESSION_CANCELLED"))
                .singleElement()
                .satisfies(body -> assertThat(body).contains("Thursday, June 17"));
        UUID added = session(client, "2027-06-18T14:00:00Z");
        remind(added, "2027-06-18T14:00:00Z");
        remind(nextWeek, "2027-06-21T22:00:00Z");
        assertThat(messages(client, "SESSION_REMINDER"))
                .singleElement()
                .satisfies(body -> assertThat(body).contains("June 18"));
        assertThat(messages(client, "WEEKLY_DIGEST")).hasSize(1);
    }

    @Test
    void anEmptyWeekSendsNoDigest() {
        UUID client = digestClient();
        session(client, "2027-06-22T22:00:00Z"); // the week after
        Optional<Instant> next = digests("2027-06-13T22:00:00Z").send(client);
        assertThat(next).contains(Instant.parse("2027-06-20T22:00:00Z"));
        assertThat(messages(client, "WEEKLY_DIGEST")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM digest_session WHERE client_id = ?", Long.class, client))
                .isZero();
    }

    @Test
    void theDigestGoesOutAtSixInTheEveningLocalAcrossBothDaylightSavingChanges() {
        UUID client = digestClient();
        // March: Sunday 7 March 18:00 EST, then Sunday 14 March (the clocks went forward that night)
        // 18:00 EDT, 167 hours later
        session(client, "2027-03-15T22:00:00Z");
        assertThat(digests("2027-03-07T23:00:00Z").send(client)).contains(Instant.parse("2027-03-14T22:00:00Z"));
        assertThat(digests("2027-03-14T22:00:00Z").send(client)).contains(Instant.parse("2027-03-21T22:00:00Z"));
        // November: Sunday 31 October 18:00 EDT, then Sunday 7 November (the clocks went back that
        // night) 18:00 EST, 169 hours later
        session(client, "2027-11-08T23:00:00Z");
        assertThat(digests("2027-10-31T22:00:00Z").send(client)).contains(Instant.parse("2027-11-07T23:00:00Z"));
        assertThat(digests("2027-11-07T23:00:00Z").send(client)).contains(Instant.parse("2027-11-14T23:00:00Z"));
        // planned from a Saturday of either week, the task is due at the same local time
        plan(client, "2027-11-06T15:00:00Z");
        assertThat(digestTask(client)).isEqualTo(Instant.parse("2027-11-07T23:00:00Z"));

        List<String> sent = messages(client, "WEEKLY_DIGEST");
        assertThat(sent).hasSize(2);
        // the first SMS to the number ends with how to opt out
        assertThat(sent.get(0))
                .startsWith("2027-03-14T22:00Z " + expectedSms("Monday, March 15 at 6:00 PM EDT") + "\n");
        assertThat(sent.get(1)).isEqualTo("2027-11-07T23:00Z " + expectedSms("Monday, November 8 at 6:00 PM EST"));
    }

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    org.springframework.context.ApplicationContext context;

    /**
     * db-scheduler itself runs the digest: the service's own {@code weekly-digest} task, on a
     * scheduler reading a clock the test moves (the shared one is paused meanwhile, so it does not
     * take the rows, and the instants are in the past of the real time, where no other test's digest
     * is due). Each run is picked by the scheduler's polling at the client's Sunday 18:00 and plans
     * the next one 167 hours later across the March change and 169 hours later across the November
     * change of 2026 in America/New_York; each digest lists that week's session in its local time.
     */
    @Test
    void theSchedulerFiresTheDigestAtSixOnSundayAndPlansTheNextAcrossBothChanges() {
        UUID client = digestClient();
        session(client, "2026-03-02T23:00:00Z"); // Monday 2 March 18:00 EST
        session(client, "2026-03-09T22:00:00Z"); // Monday 9 March 18:00 EDT
        session(client, "2026-10-26T22:00:00Z"); // Monday 26 October 18:00 EDT
        session(client, "2026-11-02T23:00:00Z"); // Monday 2 November 18:00 EST
        org.iopcare.notification.SimulatedClock clock = new org.iopcare.notification.SimulatedClock();
        WeeklyDigests digests = digests(clock);
        org.springframework.context.SmartLifecycle shared =
                context.getBean("reminderScheduler", org.springframework.context.SmartLifecycle.class);
        shared.stop();
        com.github.kagkarlsson.scheduler.Scheduler scheduler = ReminderTasks.builder(
                        dataSource, List.of(new ReminderTasks().weeklyDigestTask(digests)), clock)
                .pollingInterval(Duration.ofMillis(50))
                .build();
        try {
            clock.set(Instant.parse("2026-02-28T17:00:00Z")); // Saturday 28 February, noon EST
            new TransactionTemplate(transactionManager)
                    .executeWithoutResult(tx -> digests.plan(client, clock.instant()));
            assertThat(digestTask(client)).isEqualTo(Instant.parse("2026-03-01T23:00:00Z"));
            scheduler.start();

            // Sunday 1 March 18:00 EST; the next Sunday 18:00 is EDT, 167 hours later
            firesAt(clock, client, "2026-03-01T23:00:00Z", "2026-03-08T22:00:00Z", 1);
            firesAt(clock, client, "2026-03-08T22:00:00Z", "2026-03-15T22:00:00Z", 2);
            // planned again from a Saturday in October: Sunday 25 October 18:00 EDT, then Sunday
            // 1 November 18:00 EST, 169 hours later
            jdbc.update("DELETE FROM scheduled_tasks WHERE task_instance = ?", client.toString());
            clock.set(Instant.parse("2026-10-24T16:00:00Z"));
            new TransactionTemplate(transactionManager)
                    .executeWithoutResult(tx -> digests.plan(client, clock.instant()));
            firesAt(clock, client, "2026-10-25T22:00:00Z", "2026-11-01T23:00:00Z", 3);
            firesAt(clock, client, "2026-11-01T23:00:00Z", "2026-11-08T23:00:00Z", 4);
        } finally {
            scheduler.stop();
            jdbc.update("DELETE FROM scheduled_tasks WHERE task_instance = ?", client.toString());
            shared.start();
        }
        // one SMS a week, each listing that week's session at its local time (standard or daylight)
        List<String> sent = jdbc.queryForList(
                "SELECT body FROM message WHERE client_id = ? AND kind = 'WEEKLY_DIGEST' ORDER BY created_at",
                String.class,
                client);
        assertThat(sent).hasSize(4);
        assertThat(sent.get(0)).contains(expectedSms("Monday, March 2 at 6:00 PM EST"));
        assertThat(sent.get(1)).contains(expectedSms("Monday, March 9 at 6:00 PM EDT"));
        assertThat(sent.get(2)).contains(expectedSms("Monday, October 26 at 6:00 PM EDT"));
        assertThat(sent.get(3)).contains(expectedSms("Monday, November 2 at 6:00 PM EST"));
    }

    /**
     * Moves the clock to a minute before {@code due}: the scheduler leaves the task; then to
     * {@code due}: its polling runs it, the week's digest is queued and the task planned at {@code next}.
     */
    private void firesAt(
            org.iopcare.notification.SimulatedClock clock, UUID client, String due, String next, int digests) {
        assertThat(digestTask(client)).isEqualTo(Instant.parse(due));
        clock.set(Instant.parse(due).minusSeconds(60));
        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(messages(client, "WEEKLY_DIGEST")).hasSize(digests - 1);
        clock.set(Instant.parse(due));
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(25))
                .untilAsserted(() -> assertThat(digestTask(client)).isEqualTo(Instant.parse(next)));
        assertThat(messages(client, "WEEKLY_DIGEST")).hasSize(digests);
    }

    private static String expectedSms(String sessions) {
        return "Riverside Health: your appointment in the coming week: " + sessions
                + ". Questions or a new time? Call (555) 010-0199.";
    }
}
