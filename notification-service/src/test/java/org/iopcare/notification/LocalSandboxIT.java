package org.iopcare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.InquiryReceived;
import org.iopcare.events.IntegrationEvent;
import org.iopcare.events.SessionCancelled;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionMissed;
import org.iopcare.events.SessionModality;
import org.iopcare.events.SessionScheduled;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testports.TestPorts;
import org.iopcare.testsupport.Infrastructure;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The local run's sandbox end to end, in profile {@code local}: the acknowledgement of an inquiry
 * goes over HTTP to the sandbox provider, which reports it delivered through the signed status
 * webhook; an email reaches the local SMTP server; a STOP injected at the sandbox opts the client out.
 *
 * <p>A second Spring context (another profile), kept apart from the shared one so neither takes
 * the other's work: its own schema (its dispatcher claims only its own messages), its own consumer
 * group starting at the latest offset (it does not replay every earlier test's events), reserved
 * ports so the configured provider and callback URLs point at this very server, and it is closed
 * after this class so it stops consuming ({@link SandboxSettings}). It keeps the clinic's frequency
 * cap (the shared context raises it) and runs on a {@link SimulatedClock} the week test moves; the
 * other tests leave it at the real time.
 */
@ActiveProfiles("local")
@ContextConfiguration(initializers = LocalSandboxIT.SandboxSettings.class)
@Import(LocalSandboxIT.ServiceClock.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LocalSandboxIT extends NotificationIT {

    private static final String STAFF = TestTokens.bearer(StaffRole.INTAKE_COORDINATOR);
    private static final int SERVER_PORT = TestPorts.reserve();
    private static final int SMTP_PORT = TestPorts.reserve();
    private static final String SCHEMA = "notification_sandbox";

    @Autowired
    JdbcTemplate jdbc;

    /**
     * Put ahead of the base class's dynamic properties (an initializer runs after them and adds
     * its source first), so these values win over the shared context's.
     */
    static class SandboxSettings implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> settings =
                    sandboxSettings(SCHEMA, SERVER_PORT, SMTP_PORT, "notification-service-sandbox-it");
            // the clinic's cap (the shared context raises it), for the week the clock is moved through
            settings.put("iopcare.notification.frequency-cap.per-day", "1");
            settings.put("iopcare.notification.frequency-cap.per-rolling-week", "3");
            settings.put("iopcare.notification.reminders.poll-interval", "50ms");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("local sandbox IT", settings));
        }
    }

    /** The service's clock, which {@link #theCapHoldsForAWeekOfClosureRemindersAndOutreach} moves. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ServiceClock {
        @Bean
        SimulatedClock simulatedClock() {
            return new SimulatedClock();
        }
    }

    @Autowired
    SimulatedClock clock;

    /**
     * A context of its own on the local run's sandbox: its schema (created with its login roles),
     * consumer group, server port (the provider and callback URLs point at it) and SMTP port.
     */
    static Map<String, Object> sandboxSettings(String schema, int serverPort, int smtpPort, String group) {
        Map<String, Object> settings = new HashMap<>(Infrastructure.database(schema));
        settings.put("server.port", serverPort);
        settings.put("spring.cloud.stream.default.group", group);
        settings.put("spring.cloud.stream.kafka.default.consumer.start-offset", "latest");
        settings.put("spring.mail.host", "localhost");
        settings.put("spring.mail.port", smtpPort);
        settings.put("iopcare.notification.sandbox.smtp-port", smtpPort);
        settings.put("iopcare.notification.sandbox.callback-delay", "100ms");
        settings.put("iopcare.notification.sms.base-url", "http://localhost:" + serverPort + "/sandbox/sms/provider");
        settings.put(
                "iopcare.notification.sms.status-callback-url", "http://localhost:" + serverPort + "/api/sms/status");
        settings.put("iopcare.notification.sms.account-sid", "ACsandbox");
        settings.put("iopcare.notification.sms.auth-token", "sandbox-token");
        return settings;
    }

    private static InquiryReceived inquiry(String phone, String email, ContactChannel channel) {
        return new InquiryReceived(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Sam",
                phone,
                email,
                channel,
                true,
                null);
    }

    /**
     * The consumer starts at the latest offset once it has its partitions: the event is published
     * again until it was handled (the handler's claim makes the copies no-ops).
     */
    private void publishUntilHandled(InquiryReceived event) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    TestKafka.publish(event);
                    return !messagesOf(event.clientId()).isEmpty();
                });
    }

    private List<JsonNode> messagesOf(UUID clientId) {
        return messagesOf(clientId, STAFF);
    }

    private List<JsonNode> messagesOf(UUID clientId, String token) {
        Response response = http.get("/api/clients/" + clientId + "/messages", token);
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> messages = new ArrayList<>();
        response.json().forEach(messages::add);
        return messages;
    }

    private static List<JsonNode> list(Response response) {
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().forEach(items::add);
        return items;
    }

    @Test
    void anSmsReachesTheSandboxIsDeliveredThroughTheSignedCallbackAndAStopReplyOptsOut() {
        String phone = newNumber();
        InquiryReceived event = inquiry(phone, "sam." + UUID.randomUUID() + "@example.org", ContactChannel.SMS);
        publishUntilHandled(event);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(list(http.get("/sandbox/sms?to=" + phone.substring(1), null)))
                        .singleElement()
                        .satisfies(sms -> {
                            assertThat(sms.get("sid").asString()).startsWith("SM");
                            assertThat(sms.get("to").asString()).isEqualTo(phone);
                            assertThat(sms.get("from").asString()).isEqualTo("+15550100199");
                            assertThat(sms.get("body").asString()).contains("Sam", "Riverside Health");
                            assertThat(sms.get("time").asString()).isNotBlank();
                        }));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(messagesOf(event.clientId()))
                        .filteredOn(m -> m.get("kind").asString().equals("INQUIRY_ACKNOWLEDGEMENT"))
                        .singleElement()
                        .satisfies(m -> assertThat(m.get("status").asString()).isEqualTo("DELIVERED")));

        Response reply = http.postJson("/sandbox/sms/reply", null, "{\"from\":\"" + phone + "\",\"body\":\"STOP\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("inboundStatus").asInt()).isEqualTo(204);
        assertThat(jdbc.queryForObject(
                        "SELECT sms_opted_out_at IS NOT NULL FROM recipient WHERE client_id = ?",
                        Boolean.class,
                        event.clientId()))
                .isTrue();
        // the one confirmation reaches the phone too, newest first
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(list(http.get("/sandbox/sms?to=" + phone.substring(1), null)))
                        .hasSize(2)
                        .first()
                        .satisfies(sms -> assertThat(sms.get("body").asString()).contains("START")));
    }

    @Test
    void anEmailReachesTheLocalSmtpServer() {
        String email = "sam." + UUID.randomUUID() + "@example.org";
        InquiryReceived event = inquiry(newNumber(), email, ContactChannel.EMAIL);
        publishUntilHandled(event);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(list(http.get("/sandbox/email?to=" + email, null)))
                        .singleElement()
                        .satisfies(mail -> {
                            assertThat(mail.get("to").asString()).isEqualTo(email);
                            assertThat(mail.get("from").asString()).contains("messages@clinic.example");
                            assertThat(mail.get("subject").asString()).isNotBlank();
                            assertThat(mail.get("body").asString()).contains("Sam");
                            assertThat(mail.get("time").asString()).isNotBlank();
                        }));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(messagesOf(event.clientId()))
                        .filteredOn(m -> m.get("kind").asString().equals("INQUIRY_ACKNOWLEDGEMENT"))
                        .singleElement()
                        .satisfies(m -> assertThat(m.get("status").asString()).isEqualTo("SENT")));
    }

    @Test
    void theSandboxProviderRefusesWrongCredentialsAndAnInvalidReply() {
        Response wrong = http.exchange(
                HttpMethod.POST,
                "/sandbox/sms/provider/2010-04-01/Accounts/ACsandbox/Messages.json",
                "Basic " + java.util.Base64.getEncoder().encodeToString("ACsandbox:wrong".getBytes()),
                MediaType.APPLICATION_FORM_URLENCODED,
                "To=%2B15551234567&From=%2B15550100199&Body=hi");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(http.postJson("/sandbox/sms/reply", null, "{\"from\":\"nope\",\"body\":\"STOP\"}")
                        .status())
                .isEqualTo(400);
    }

    // ---- the frequency cap through one week, on the service's own clock ----

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /**
     * One enrolled client (SMS and email) in America/New_York, the week of Monday 7 June 2027, the
     * clinic's cap (1 a local day, 3 in 7 local days): four sessions are scheduled on Monday
     * (reminders the day before), a closure cancels Wednesday's and Thursday's on Tuesday morning,
     * Tuesday's is missed (outreach). Every event goes to its real topic; the service's clock (its
     * db-scheduler's and dispatcher's too) is moved from one due task or message to the next. What
     * reaches the sandboxes keeps the cap on both channels; what the cap held is HELD with its
     * reason for staff and goes at its time; nothing planned ends without a state staff can read.
     */
    @Test
    void theCapHoldsForAWeekOfClosureRemindersAndOutreach() {
        UUID client = UUID.randomUUID();
        String phone = newNumber();
        String email = "robin." + client + "@example.org";
        Instant tuesday = Instant.parse("2027-06-08T22:00:00Z"); // 18:00 EDT
        Instant wednesday = Instant.parse("2027-06-09T22:00:00Z");
        Instant thursday = Instant.parse("2027-06-10T22:00:00Z");
        Instant saturday = Instant.parse("2027-06-12T14:00:00Z"); // 10:00 EDT
        Map<Instant, UUID> sessions = new LinkedHashMap<>();
        for (Instant start : List.of(tuesday, wednesday, thursday, saturday)) {
            sessions.put(start, UUID.randomUUID());
        }
        try {
            clock.set(Instant.parse("2027-06-07T13:00:00Z")); // Monday 09:00 EDT
            publishUntil(
                    List.of(new ClientEnrolled(
                            UUID.randomUUID(),
                            clock.instant(),
                            client,
                            UUID.randomUUID(),
                            "MH-IOP-AM",
                            LocalDate.of(2027, 6, 7),
                            "clinician-1",
                            AgeGroup.ADULT,
                            NEW_YORK.getId(),
                            "Robin",
                            phone,
                            email,
                            true,
                            true)),
                    "SELECT count(*) FROM recipient WHERE client_id = ANY (?) AND enrolled",
                    List.of(client));
            publishUntil(
                    sessions.entrySet().stream()
                            .map(session -> new SessionScheduled(
                                    UUID.randomUUID(),
                                    clock.instant(),
                                    client,
                                    session.getValue(),
                                    SessionKind.GROUP,
                                    session.getKey(),
                                    session.getKey().plus(Duration.ofHours(3)),
                                    NEW_YORK.getId(),
                                    SessionModality.IN_PERSON))
                            .toList(),
                    "SELECT count(*) FROM client_session WHERE session_id = ANY (?)",
                    List.copyOf(sessions.values()));

            runUntil(client, sessions.values(), Instant.parse("2027-06-08T14:00:00Z")); // Tuesday 10:00
            // the closure: both sessions cancelled at once, as scheduling publishes them
            List<UUID> closed = List.of(sessions.get(wednesday), sessions.get(thursday));
            publishUntil(
                    List.of(wednesday, thursday).stream()
                            .map(start -> new SessionCancelled(
                                    UUID.randomUUID(),
                                    clock.instant(),
                                    client,
                                    sessions.get(start),
                                    start,
                                    CancellationReason.CLOSURE))
                            .toList(),
                    "SELECT count(*) FROM client_session WHERE session_id = ANY (?) AND status = 'CANCELLED'",
                    closed);
            runUntil(client, sessions.values(), Instant.parse("2027-06-09T01:30:00Z")); // Tuesday 21:30
            UUID missed = sessions.get(tuesday);
            publishUntil(
                    List.of(new SessionMissed(UUID.randomUUID(), clock.instant(), client, missed, tuesday, 1, 1)),
                    "SELECT count(*) FROM client_session WHERE session_id = ANY (?) AND status = 'MISSED'",
                    List.of(missed));
            runUntil(client, sessions.values(), Instant.parse("2027-06-09T16:00:00Z")); // Wednesday 12:00

            // staff see what the cap holds back and why: the outreach waits for the week to make room
            // (a token of the moved clock's time)
            Instant now = clock.instant();
            String staff = TestTokens.bearerWithClaims(
                    "staff-test",
                    List.of(StaffRole.INTAKE_COORDINATOR.name()),
                    Map.of("iat", now, "exp", now.plus(Duration.ofMinutes(30))));
            assertThat(messagesOf(client, staff))
                    .filteredOn(m -> m.get("kind").asString().equals("MISSED_SESSION_OUTREACH"))
                    .hasSize(2)
                    .allSatisfy(m -> {
                        assertThat(m.get("status").asString()).isEqualTo("HELD");
                        assertThat(m.get("statusDetail").asString())
                                .startsWith("frequency cap: ")
                                .endsWith("; moved to the next allowed time");
                    });

            runUntil(client, sessions.values(), Instant.parse("2027-06-15T16:00:00Z")); // Tuesday 15 June 12:00
        } finally {
            clock.reset();
        }

        // what reached the phone: the welcome, Tuesday's reminder, one notice for both closed
        // sessions, the outreach; never two on a local day nor four in 7 local days
        List<JsonNode> sms = list(http.get("/sandbox/sms?to=" + phone.substring(1), null));
        List<Instant> smsTimes = sms.stream()
                .map(m -> Instant.parse(m.get("time").asString()))
                .sorted()
                .toList();
        assertWithinCap(smsTimes);
        assertThat(sms.stream()
                        .sorted(java.util.Comparator.comparing(
                                m -> Instant.parse(m.get("time").asString())))
                        .map(m -> m.get("body").asString()))
                .hasSize(4)
                .satisfiesExactly(
                        welcome -> assertThat(welcome).contains("Robin", "Tuesday, June 8"),
                        reminder -> assertThat(reminder).contains("Tuesday, June 8 at 6:00 PM EDT"),
                        notice -> assertThat(notice).contains("Wednesday, June 9", "Thursday, June 10"),
                        outreach -> assertThat(outreach).doesNotContain("June"));
        assertThat(smsTimes.get(3).atZone(NEW_YORK).toLocalDate()).isEqualTo(LocalDate.of(2027, 6, 14));

        // the same four by email (each message on both channels counts once), at the same times
        assertThat(list(http.get("/sandbox/email?to=" + email, null))).hasSize(4);
        List<Instant> emailTimes = jdbc.queryForList("""
                SELECT c.changed_at FROM message m JOIN message_status_change c ON c.message_id = m.id
                WHERE m.client_id = ? AND m.audience = 'CLIENT' AND m.channel = 'EMAIL' AND c.status = 'SENT'
                ORDER BY c.changed_at""", java.sql.Timestamp.class, client).stream()
                .map(java.sql.Timestamp::toInstant)
                .toList();
        assertThat(emailTimes).hasSize(4);
        assertWithinCap(emailTimes);

        // every message planned for the client ended sent, or is shown to staff with the cap's reason:
        // Saturday's reminder could not go before its session in a full week
        List<JsonNode> all = messagesOf(client);
        assertThat(all)
                .filteredOn(m -> m.get("audience").asString().equals("CLIENT"))
                .filteredOn(m ->
                        !List.of("SENT", "DELIVERED").contains(m.get("status").asString()))
                .hasSize(2)
                .allSatisfy(m -> {
                    assertThat(m.get("kind").asString()).isEqualTo("SESSION_REMINDER");
                    assertThat(m.get("status").asString()).isEqualTo("SUPPRESSED");
                    assertThat(m.get("statusDetail").asString())
                            .isEqualTo("frequency cap: 3 in 7 days; no allowed time before the session");
                });
        // what the cap held went when its time came
        assertThat(all)
                .filteredOn(m -> m.get("audience").asString().equals("CLIENT"))
                .filteredOn(m ->
                        List.of("SENT", "DELIVERED").contains(m.get("status").asString()))
                .hasSize(8)
                .filteredOn(m -> !m.get("kind").asString().equals("WELCOME"))
                .hasSize(6)
                .allSatisfy(m -> assertThat(
                                http.get("/api/messages/" + m.get("id").asString(), STAFF)
                                        .json()
                                        .get("history")
                                        .toString())
                        .contains("HELD", "frequency cap: ", "the frequency cap's time came"));
    }

    /**
     * At most one a local day and three in any 7 consecutive local days, by the times the messages
     * reached the sandbox (the cap counts the time each was allowed at; a send follows it by the
     * dispatcher's delay, so the days are what is checked here, not the second).
     */
    private static void assertWithinCap(List<Instant> sent) {
        List<LocalDate> days =
                sent.stream().map(t -> t.atZone(NEW_YORK).toLocalDate()).toList();
        for (LocalDate day : days) {
            assertThat(days.stream().filter(day::equals))
                    .as("messages on %s", day)
                    .hasSize(1);
            assertThat(days.stream().filter(d -> !d.isBefore(day) && d.isBefore(day.plusDays(7))))
                    .as("messages in the 7 days from %s", day)
                    .hasSizeLessThanOrEqualTo(3);
            assertThat(days.stream().filter(d -> !d.isAfter(day) && d.isAfter(day.minusDays(7))))
                    .as("messages in the 7 days to %s", day)
                    .hasSizeLessThanOrEqualTo(3);
        }
    }

    /**
     * Publishes the events until the consumers (which start at the latest offset) have handled them:
     * {@code countSql} counts the rows of {@code ids} that show it, one each.
     */
    private void publishUntil(List<? extends IntegrationEvent> events, String countSql, List<UUID> ids) {
        long[] published = {System.nanoTime() - Duration.ofSeconds(3).toNanos()};
        await().atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(25))
                .until(() -> {
                    Long handled = jdbc.queryForObject(countSql, Long.class, (Object) ids.toArray(UUID[]::new));
                    if (handled == ids.size()) {
                        return true;
                    }
                    if (System.nanoTime() - published[0] > Duration.ofSeconds(2).toNanos()) {
                        TestKafka.publishAll(List.copyOf(events));
                        published[0] = System.nanoTime();
                    }
                    return false;
                });
    }

    /**
     * Moves the clock from one due task or message of the client to the next, each time waiting until
     * the service has run the tasks and sent the messages due, and finally to {@code end}.
     */
    private void runUntil(UUID client, java.util.Collection<UUID> sessions, Instant end) {
        String[] instances = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(client.toString()),
                        sessions.stream().map(session -> session + "|%"))
                .toArray(String[]::new);
        while (true) {
            awaitSettled(client, instances);
            // the next due task or message (a message being sent is left to finish: its lease is no due time)
            OffsetDateTime next = jdbc.queryForObject("""
                    SELECT min(t) FROM (
                        SELECT execution_time AS t FROM scheduled_tasks WHERE task_instance LIKE ANY (?)
                        UNION ALL
                        SELECT next_attempt_at FROM message WHERE client_id = ? AND status IN ('QUEUED', 'HELD')) due""", OffsetDateTime.class, instances, client);
            if (next == null || next.toInstant().isAfter(end)) {
                clock.set(end);
                return;
            }
            if (next.toInstant().isAfter(clock.instant())) {
                clock.set(next.toInstant());
            }
        }
    }

    /** Waits until the service ran the client's due tasks and finished sending its due messages. */
    private void awaitSettled(UUID client, String[] instances) {
        await().atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(25))
                .until(() -> {
                    Timestamp now = Timestamp.from(clock.instant());
                    return jdbc.queryForObject("""
                                    SELECT (SELECT count(*) FROM scheduled_tasks
                                            WHERE task_instance LIKE ANY (?) AND execution_time <= ?)
                                         + (SELECT count(*) FROM message m WHERE m.client_id = ?
                                            AND (m.status IN ('QUEUED', 'HELD') AND coalesce(m.next_attempt_at, '-infinity') <= ?
                                                 OR EXISTS (SELECT 1 FROM delivery_attempt a
                                                            WHERE a.message_id = m.id AND a.finished_at IS NULL)))""", Long.class, instances, now, client, now) == 0;
                });
    }
}
