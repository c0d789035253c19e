package org.iopcare.notification.projection;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.BookingReason;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.ClientDischarged;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.ClientUpdated;
import org.iopcare.events.DischargeReason;
import org.iopcare.events.IntegrationEvent;
import org.iopcare.events.LevelOfCare;
import org.iopcare.events.PlanChangeType;
import org.iopcare.events.PlanStatus;
import org.iopcare.events.PlanUpdated;
import org.iopcare.events.ScreeningCompleted;
import org.iopcare.events.SessionCancelled;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionMissed;
import org.iopcare.events.SessionModality;
import org.iopcare.events.SessionRescheduled;
import org.iopcare.events.SessionScheduled;
import org.iopcare.notification.NotificationIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The projection on the real broker: enrollments and sessions become reminders (persistent tasks),
 * welcome, outreach, plan notices and care-team alerts, sent to the SMTP server and the SMS API.
 */
class ProjectionIT extends NotificationIT {

    private static final String STAFF = TestTokens.bearer(StaffRole.CLINICAL_SUPERVISOR);
    private static final String ZONE = "America/New_York";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    record Client(UUID id, String phone, String email) {}

    static Client newClient() {
        UUID id = UUID.randomUUID();
        return new Client(
                id, "+1555" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)), "c" + id + "@example.org");
    }

    static ClientEnrolled enrolled(Client client) {
        return new ClientEnrolled(
                UUID.randomUUID(),
                Instant.now(),
                client.id(),
                UUID.randomUUID(),
                "MH-IOP-AM",
                LocalDate.now(),
                "clinician-1",
                AgeGroup.ADULT,
                ZONE,
                "Robin",
                client.phone(),
                client.email(),
                true,
                true);
    }

    static SessionScheduled session(Client client, UUID sessionId, Duration from) {
        Instant start = Instant.now().plus(from);
        return new SessionScheduled(
                UUID.randomUUID(),
                Instant.now(),
                client.id(),
                sessionId,
                SessionKind.GROUP,
                start,
                start.plus(Duration.ofHours(3)),
                ZONE,
                SessionModality.IN_PERSON);
    }

    private List<String> smsBodies(String number) {
        return smsProvider
                .findAll(postRequestedFor(urlPathEqualTo(SMS_PATH))
                        .withRequestBody(containing("To=" + URLEncoder.encode(number, StandardCharsets.UTF_8))))
                .stream()
                .map(r -> r.formParameters().get("Body").firstValue())
                .toList();
    }

    private List<String> kinds(UUID clientId) {
        return jdbc.queryForList(
                "SELECT kind || ':' || channel FROM message WHERE client_id = ? ORDER BY kind, channel",
                String.class,
                clientId);
    }

    private long tasks(UUID sessionId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM scheduled_tasks WHERE task_instance LIKE ?", Long.class, sessionId + "|%");
    }

    /** On a timeout, what the service knows of the client, for the test report (ids and states only). */
    private void diagnosed(Client client, Runnable waiting) {
        try {
            waiting.run();
        } catch (RuntimeException | AssertionError e) {
            System.out.println("[diagnosis] messages: "
                    + jdbc.queryForList(
                            "SELECT kind, channel, status, status_detail, attempts, created_at, next_attempt_at FROM message"
                                    + " WHERE client_id = ?",
                            client.id()));
            System.out.println("[diagnosis] recipient: "
                    + jdbc.queryForList(
                            "SELECT enrolled, sms_consent, email_consent, time_zone, contact_as_of FROM recipient WHERE client_id = ?",
                            client.id()));
            System.out.println("[diagnosis] sessions: "
                    + jdbc.queryForList(
                            "SELECT session_id, status, starts_at FROM client_session WHERE client_id = ?",
                            client.id()));
            System.out.println(
                    "[diagnosis] tasks: "
                            + jdbc.queryForList(
                                    "SELECT task_name, task_instance, execution_time, picked, consecutive_failures FROM scheduled_tasks"));
            System.out.println("[diagnosis] reminders: "
                    + meters.find("iopcare.notification.reminders").counters().stream()
                            .map(c -> c.getId().getTag("outcome") + "=" + c.count())
                            .toList());
            throw e;
        }
    }

    @Test
    void everyClientEnrolledTogetherWithTheirFirstSessionIsWelcomedWhicheverIsHandledFirst() {
        // enrolled and session-scheduled travel on two topics and are handled by two consumer
        // threads at the same moment: each client must still get exactly one welcome per channel
        List<Client> clients = new java.util.ArrayList<>();
        List<IntegrationEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Client client = newClient();
            clients.add(client);
            events.add(session(client, UUID.randomUUID(), Duration.ofHours(3)));
            events.add(enrolled(client));
        }
        TestKafka.publishAll(events);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(clients)
                        .allSatisfy(client -> assertThat(kinds(client.id()))
                                .filteredOn(kind -> kind.startsWith("WELCOME:"))
                                .containsExactly("WELCOME:EMAIL", "WELCOME:SMS")));
    }

    @Test
    void aSessionDueSoonIsRemindedOnceBySmsAtTheProviderAndOnceByEmailAtTheSmtpServer() {
        Client client = newClient();
        SessionScheduled soon = session(client, UUID.randomUUID(), Duration.ofMinutes(30));
        TestKafka.publishAll(List.<IntegrationEvent>of(enrolled(client), soon, soon));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(smsBodies(client.phone()))
                    .filteredOn(b -> b.contains("a reminder of your appointment"))
                    .hasSize(1);
            assertThat(emailBodies(client.email()))
                    .filteredOn(b -> b.contains("a reminder of your appointment"))
                    .hasSize(1);
            assertThat(smsBodies(client.phone()))
                    .filteredOn(b -> b.contains("welcome to Riverside Health"))
                    .hasSize(1);
        });
        // the same session again, and the task's rerun, change nothing
        TestKafka.publish(session(client, soon.sessionId(), Duration.ofMinutes(30)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(smsBodies(client.phone())).hasSize(2);
            assertThat(emailBodies(client.email())).hasSize(2);
        });
        assertThat(kinds(client.id()))
                .containsExactly("SESSION_REMINDER:EMAIL", "SESSION_REMINDER:SMS", "WELCOME:EMAIL", "WELCOME:SMS");
        // the first SMS to the number says how to opt out once: its own text already does
        assertThat(smsBodies(client.phone()))
                .allSatisfy(body ->
                        assertThat(body.split("Reply STOP to opt out", -1)).hasSize(2));

        JsonNode messages =
                http.get("/api/clients/" + client.id() + "/messages", STAFF).json();
        assertThat(messages.findValuesAsString("kind")).contains("SESSION_REMINDER", "WELCOME");
        String reminder = null;
        for (JsonNode m : messages) {
            if (m.get("kind").asString().equals("SESSION_REMINDER")) {
                reminder = m.get("id").asString();
            }
        }
        String id = reminder;
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(http.get("/api/messages/" + id, STAFF)
                                .json()
                                .get("history")
                                .findValuesAsString("status"))
                        .containsExactly("QUEUED", "SENT"));
        // operators see it by kind, channel and state; no recipient data in the tags
        assertThat(meters.get("iopcare.notification.messages")
                        .tags("kind", "SESSION_REMINDER", "channel", "SMS", "status", "SENT")
                        .counter()
                        .count())
                .isPositive();
        assertThat(meters.get("iopcare.notification.reminders")
                        .tag("outcome", "queued")
                        .counter()
                        .count())
                .isPositive();
        assertThat(meters.get("iopcare.notification.reminders.due").gauge().value())
                .isGreaterThanOrEqualTo(0);
        assertThat(meters.get("resilience4j.circuitbreaker.state")
                        .tags("name", "sms-primary", "state", "closed")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
        assertThat(meters.getMeters())
                .allSatisfy(meter -> assertThat(meter.getId().getTags().toString())
                        .doesNotContain(client.phone())
                        .doesNotContain(client.email()));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_entry WHERE path_pattern = '/api/clients/{clientId}/messages'"
                                + " AND path_ids LIKE ?",
                        Long.class,
                        "%" + client.id() + "%"))
                .isPositive();
    }

    @Test
    void aSessionThatArrivesBeforeTheEnrollmentIsRemindedOnceTheEnrollmentArrives() {
        Client client = newClient();
        SessionScheduled soon = session(client, UUID.randomUUID(), Duration.ofMinutes(20));
        TestKafka.publish(soon);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM client_session WHERE session_id = ?",
                                Long.class,
                                soon.sessionId())
                        == 1);
        TestKafka.publish(enrolled(client));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(smsBodies(client.phone()))
                        .filteredOn(b -> b.contains("a reminder of your appointment"))
                        .hasSize(1));
    }

    @Test
    void aCancelledSessionAndADischargedClientKeepNoPendingReminders() {
        Client client = newClient();
        UUID cancelled = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        ClientEnrolled enrollment = enrolled(client);
        TestKafka.publishAll(List.<IntegrationEvent>of(
                enrollment,
                session(client, cancelled, Duration.ofDays(3)),
                session(client, later, Duration.ofDays(4))));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(cancelled) == 1 && tasks(later) == 1);
        assertThat(jdbc.queryForObject(
                        "SELECT task_instance FROM scheduled_tasks WHERE task_instance LIKE ?",
                        String.class,
                        cancelled + "|%"))
                .isEqualTo(cancelled + "|PT24H");

        TestKafka.publish(new SessionCancelled(
                UUID.randomUUID(), Instant.now(), client.id(), cancelled, Instant.now(), CancellationReason.CLOSURE));
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks(cancelled) == 0);
        assertThat(tasks(later)).isEqualTo(1);

        // a message held back for the send window, not yet sent, is cancelled by the discharge too
        UUID held = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO message (id, client_id, audience, kind, channel, destination, body, status,"
                        + " idempotency_key, source_event_id, created_at, status_changed_at, next_attempt_at)"
                        + " VALUES (?, ?, 'CLIENT', 'PLAN_REVIEW_NOTICE', 'SMS', ?, 'held', 'QUEUED', ?, ?, now(), now(),"
                        + " now() + interval '1 day')",
                held,
                client.id(),
                client.phone(),
                "test:" + held,
                UUID.randomUUID());
        TestKafka.publish(new ClientDischarged(
                UUID.randomUUID(),
                Instant.now(),
                client.id(),
                enrollment.enrollmentId(),
                LocalDate.now(ZoneId.of(ZONE)),
                DischargeReason.COMPLETED));
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks(later) == 0);
        assertThat(jdbc.queryForObject("SELECT status FROM message WHERE id = ?", String.class, held))
                .isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject(
                        "SELECT enrolled FROM recipient WHERE client_id = ?", Boolean.class, client.id()))
                .isFalse();
        // nothing new for a discharged client
        TestKafka.publish(session(client, UUID.randomUUID(), Duration.ofMinutes(10)));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> !kinds(client.id()).contains("SESSION_REMINDER:SMS"));
    }

    @Test
    void aDischargeDatedAheadKeepsRemindingUntilItsDayAndEndsTheEnrollmentThen() {
        Client client = newClient();
        UUID later = UUID.randomUUID();
        ClientEnrolled enrollment = enrolled(client);
        TestKafka.publishAll(List.<IntegrationEvent>of(enrollment, session(client, later, Duration.ofDays(4))));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(later) == 1);

        LocalDate day = LocalDate.now(ZoneId.of(ZONE)).plusDays(3);
        ClientDischarged discharged = new ClientDischarged(
                UUID.randomUUID(),
                Instant.now(),
                client.id(),
                enrollment.enrollmentId(),
                day,
                DischargeReason.COMPLETED);
        TestKafka.publish(discharged);
        TestKafka.publish(discharged);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'discharge-due' AND task_instance = ?",
                                Long.class,
                                client.id().toString())
                        == 1);
        assertThat(jdbc.queryForObject(
                        "SELECT execution_time FROM scheduled_tasks WHERE task_name = 'discharge-due' AND task_instance = ?",
                        Instant.class,
                        client.id().toString()))
                .isEqualTo(day.atStartOfDay(ZoneId.of(ZONE)).toInstant());

        // until the day: still enrolled, the planned reminder kept, a session before the day reminded
        assertThat(jdbc.queryForObject(
                        "SELECT enrolled FROM recipient WHERE client_id = ?", Boolean.class, client.id()))
                .isTrue();
        assertThat(tasks(later)).isEqualTo(1);
        TestKafka.publish(session(client, UUID.randomUUID(), Duration.ofMinutes(20)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(smsBodies(client.phone()))
                        .filteredOn(b -> b.contains("a reminder of your appointment"))
                        .hasSize(1));

        // the day comes (its task falls due): the enrollment ends, pending reminders dropped
        jdbc.update(
                "UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = 'discharge-due' AND task_instance = ?",
                client.id().toString());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !jdbc.queryForObject(
                        "SELECT enrolled FROM recipient WHERE client_id = ?", Boolean.class, client.id()));
        await().atMost(Duration.ofSeconds(10)).until(() -> tasks(later) == 0);
        assertThat(jdbc.queryForObject(
                        "SELECT discharge_on FROM recipient WHERE client_id = ?", LocalDate.class, client.id()))
                .isNull();

        // redelivered then: nothing changes, nothing planned again
        TestKafka.publish(discharged);
        TestKafka.publish(session(client, UUID.randomUUID(), Duration.ofMinutes(15)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(smsBodies(client.phone()))
                    .filteredOn(b -> b.contains("a reminder of your appointment"))
                    .hasSize(1);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'discharge-due'"
                                    + " AND task_instance = ?",
                            Long.class,
                            client.id().toString()))
                    .isZero();
        });
    }

    @Test
    void sessionsTheClinicCancelsAreToldInOneNoticeAndAVirtualSessionsMessagesCarryItsLink() {
        Client client = newClient();
        SessionScheduled closed = session(client, UUID.randomUUID(), Duration.ofDays(3));
        SessionScheduled staffOff = session(client, UUID.randomUUID(), Duration.ofDays(4));
        SessionScheduled asked = session(client, UUID.randomUUID(), Duration.ofDays(5));
        SessionScheduled later = session(client, UUID.randomUUID(), Duration.ofDays(6));
        String link = "https://meet.clinic.example/j/" + client.id();
        Instant soon = Instant.now().plus(Duration.ofMinutes(20));
        UUID virtual = UUID.randomUUID();
        TestKafka.publishAll(List.<IntegrationEvent>of(
                enrolled(client),
                new SessionScheduled(
                        UUID.randomUUID(),
                        Instant.now(),
                        client.id(),
                        virtual,
                        SessionKind.INDIVIDUAL_THERAPY,
                        soon,
                        soon.plus(Duration.ofHours(1)),
                        ZONE,
                        SessionModality.VIRTUAL,
                        link),
                closed,
                staffOff,
                asked,
                later));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(later.sessionId()) == 1);

        SessionCancelled closure = cancelled(closed, CancellationReason.CLOSURE);
        TestKafka.publishAll(List.<IntegrationEvent>of(
                closure,
                closure,
                cancelled(staffOff, CancellationReason.STAFF),
                cancelled(asked, CancellationReason.CLIENT_REQUEST)));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(asked.sessionId()) == 0);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US);
        ZoneId zone = ZoneId.of(ZONE);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT channel || ' ' || status || ' ' || body FROM message WHERE client_id = ?"
                                        + " AND kind = 'SESSION_CANCELLED' AND next_attempt_at > now() + interval '1 minute'"
                                        + " ORDER BY channel",
                                String.class,
                                client.id()))
                        .hasSize(2)
                        .allSatisfy(notice -> assertThat(notice)
                                .contains("QUEUED", day.format(closed.startsAt().atZone(zone)))
                                .contains(day.format(staffOff.startsAt().atZone(zone)))
                                .doesNotContain(day.format(asked.startsAt().atZone(zone)))));

        // once the day's notice went out, a later cancellation is told in the next day's notice
        jdbc.update(
                "UPDATE message SET status = 'SENT' WHERE client_id = ? AND kind = 'SESSION_CANCELLED'", client.id());
        TestKafka.publish(cancelled(later, CancellationReason.STAFF));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT body FROM message WHERE client_id = ? AND kind = 'SESSION_CANCELLED'"
                                        + " AND status = 'QUEUED' AND (next_attempt_at AT TIME ZONE ?)::date"
                                        + " = (now() AT TIME ZONE ?)::date + 1",
                                String.class,
                                client.id(),
                                ZONE,
                                ZONE))
                        .hasSize(2)
                        .allSatisfy(notice -> assertThat(notice)
                                .contains(day.format(later.startsAt().atZone(zone)))
                                .doesNotContain(day.format(closed.startsAt().atZone(zone)))));

        // the virtual session's reminder and the welcome carry its link
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT kind || ' ' || channel FROM message WHERE client_id = ? AND body LIKE ?",
                                String.class,
                                client.id(),
                                "%" + link + "%"))
                        .contains("SESSION_REMINDER SMS", "SESSION_REMINDER EMAIL", "WELCOME SMS", "WELCOME EMAIL"));
    }

    @Test
    void aMovedSessionIsRemindedAtItsNewTimeAndTheClientToldOnceEvenWhenTheMoveArrivesFirst() {
        Client client = newClient();
        UUID moved = UUID.randomUUID();
        SessionScheduled booked = session(client, moved, Duration.ofDays(3));
        TestKafka.publishAll(List.<IntegrationEvent>of(enrolled(client), booked));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(moved) == 1);

        SessionRescheduled move = new SessionRescheduled(
                UUID.randomUUID(),
                Instant.now(),
                client.id(),
                moved,
                booked.startsAt(),
                booked.endsAt(),
                booked.startsAt().plus(Duration.ofDays(2)),
                booked.endsAt().plus(Duration.ofDays(2)));
        TestKafka.publishAll(List.<IntegrationEvent>of(move, move));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(kinds(client.id())).contains("SESSION_MOVED:EMAIL", "SESSION_MOVED:SMS");
            assertThat(reminderTime(moved)).isAfter(booked.startsAt());
        });
        assertThat(tasks(moved)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                                "SELECT starts_at FROM client_session WHERE session_id = ?",
                                java.time.OffsetDateTime.class,
                                moved)
                        .toInstant())
                .isBetween(move.startsAt().minusMillis(1), move.startsAt().plusMillis(1));
        // the same move again is not a second notice
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(kinds(client.id()))
                        .filteredOn(kind -> kind.startsWith("SESSION_MOVED"))
                        .hasSize(2));

        // a move that arrives before the session's schedule (another topic) keeps the moved time
        UUID early = UUID.randomUUID();
        SessionScheduled late = session(client, early, Duration.ofDays(3));
        TestKafka.publish(new SessionRescheduled(
                UUID.randomUUID(),
                Instant.now(),
                client.id(),
                early,
                late.startsAt(),
                late.endsAt(),
                late.startsAt().plus(Duration.ofDays(2)),
                late.endsAt().plus(Duration.ofDays(2))));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM client_session WHERE session_id = ? AND moved", Long.class, early)
                        == 1);
        TestKafka.publish(late);
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(early) == 1);
        assertThat(reminderTime(early)).isAfter(late.startsAt());
    }

    @Test
    void aTransferIsToldInOneScheduleNoticeNamingItsFirstSessionAndNoCancellationNotice() {
        Client client = newClient();
        SessionScheduled enrolledFor = session(client, UUID.randomUUID(), Duration.ofDays(3));
        TestKafka.publishAll(List.<IntegrationEvent>of(enrolled(client), enrolledFor));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(enrolledFor.sessionId()) == 1);

        // the transfer: the old track's session cancelled, the new track's booked, one event redelivered
        SessionScheduled first = booked(client, Duration.ofDays(3).plusHours(5), BookingReason.TRANSFER);
        SessionScheduled second = booked(client, Duration.ofDays(5).plusHours(5), BookingReason.TRANSFER);
        TestKafka.publishAll(List.<IntegrationEvent>of(
                cancelled(enrolledFor, CancellationReason.TRACK_CHANGE), second, first, first));
        awaitNotice(client, "SCHEDULE_CHANGED", "schedule has changed", first.startsAt(), second.startsAt());
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US);
        ZoneId zone = ZoneId.of(ZONE);
        assertThat(kinds(client.id()))
                .doesNotContain("SESSION_CANCELLED:SMS", "SESSION_CANCELLED:EMAIL")
                .filteredOn(kind -> kind.startsWith("SCHEDULE_CHANGED"))
                .hasSize(2);
        // the cancellation may have come first and gathered a hold notice: the bookings withdrew it
        assertThat(jdbc.queryForList(
                        "SELECT status FROM message WHERE client_id = ? AND kind = 'SCHEDULE_ON_HOLD'",
                        String.class,
                        client.id()))
                .allMatch("CANCELLED"::equals);

        // the first new session moved while the notice waits: the notice names its new time
        Instant later = first.startsAt().plus(Duration.ofDays(1));
        TestKafka.publish(new SessionRescheduled(
                UUID.randomUUID(),
                Instant.now(),
                client.id(),
                first.sessionId(),
                first.startsAt(),
                first.endsAt(),
                later,
                later.plus(Duration.ofHours(3))));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT body FROM message WHERE client_id = ? AND kind = 'SCHEDULE_CHANGED'",
                                String.class,
                                client.id()))
                        .hasSize(2)
                        .allSatisfy(notice -> assertThat(notice)
                                .contains(day.format(later.atZone(zone)))
                                .doesNotContain(day.format(first.startsAt().atZone(zone)))));
    }

    @Test
    void aTransferOntoAFullTrackIsToldOnceThatItsSessionsWaitAndLaterBookingsWithdrawTheNotice() {
        Client client = newClient();
        SessionScheduled groupA = session(client, UUID.randomUUID(), Duration.ofDays(3));
        SessionScheduled groupB = session(client, UUID.randomUUID(), Duration.ofDays(5));
        TestKafka.publishAll(List.<IntegrationEvent>of(enrolled(client), groupA, groupB));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks(groupA.sessionId()) == 1 && tasks(groupB.sessionId()) == 1);

        // the new track is full: its group sessions cancelled, nothing booked; one event redelivered
        SessionCancelled cancelA = cancelled(groupA, CancellationReason.TRACK_CHANGE);
        TestKafka.publishAll(
                List.<IntegrationEvent>of(cancelA, cancelled(groupB, CancellationReason.TRACK_CHANGE), cancelA));
        awaitNotice(client, "SCHEDULE_ON_HOLD", "place opens", groupA.startsAt(), groupB.startsAt());
        assertThat(kinds(client.id())).noneMatch(kind -> kind.startsWith("SESSION_CANCELLED"));

        // a seat after all, while the notice waits: the schedule notice tells the change, alone
        SessionScheduled seat = booked(client, Duration.ofDays(3).plusHours(5), BookingReason.TRANSFER);
        TestKafka.publish(seat);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT kind || ' ' || (status = 'CANCELLED') FROM message WHERE client_id = ?"
                                        + " AND kind IN ('SCHEDULE_ON_HOLD', 'SCHEDULE_CHANGED') ORDER BY kind, channel",
                                String.class,
                                client.id()))
                        .containsExactly(
                                "SCHEDULE_CHANGED false",
                                "SCHEDULE_CHANGED false",
                                "SCHEDULE_ON_HOLD true",
                                "SCHEDULE_ON_HOLD true"));
    }

    @Test
    void aSeatFreedForAWaitingClientIsToldInOneScheduleNoticeAndTakesBackTheHoldNotice() {
        Client client = newClient();
        SessionScheduled formerGroup = session(client, UUID.randomUUID(), Duration.ofDays(2));
        TestKafka.publishAll(List.<IntegrationEvent>of(enrolled(client), formerGroup));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> kinds(client.id()).containsAll(List.of("WELCOME:EMAIL", "WELCOME:SMS")));
        // transferred onto a full track: the hold notice waits
        TestKafka.publish(cancelled(formerGroup, CancellationReason.TRACK_CHANGE));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> kinds(client.id()).containsAll(List.of("SCHEDULE_ON_HOLD:EMAIL", "SCHEDULE_ON_HOLD:SMS")));

        // a seat freed on the new track: its sessions booked, one event redelivered
        SessionScheduled first = booked(client, Duration.ofDays(3).plusHours(5), BookingReason.WAITLIST_PROMOTION);
        SessionScheduled second = booked(client, Duration.ofDays(5).plusHours(5), BookingReason.WAITLIST_PROMOTION);
        TestKafka.publishAll(List.<IntegrationEvent>of(second, first, first));
        awaitNotice(client, "SCHEDULE_CHANGED", "schedule has changed", first.startsAt(), second.startsAt());
        assertThat(jdbc.queryForList(
                        "SELECT status FROM message WHERE client_id = ? AND kind = 'SCHEDULE_ON_HOLD'",
                        String.class,
                        client.id()))
                .containsExactly("CANCELLED", "CANCELLED");
    }

    @Test
    void aMakeUpSessionIsToldOnceWithItsTime() {
        Client client = newClient();
        TestKafka.publish(enrolled(client));
        // enrolled and session-scheduled are different topics: a booking read before the enrollment
        // finds no enrolled client to tell
        awaitEnrolled(client);
        SessionScheduled makeUp = booked(client, Duration.ofDays(2), BookingReason.MAKE_UP);
        SessionScheduled routine = booked(client, Duration.ofDays(4), BookingReason.HORIZON);
        TestKafka.publishAll(List.<IntegrationEvent>of(makeUp, makeUp, routine));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(routine.sessionId()) == 1);
        String date = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US)
                .format(makeUp.startsAt().atZone(ZoneId.of(ZONE)));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT body FROM message WHERE client_id = ? AND kind = 'MAKE_UP_BOOKED'",
                                String.class,
                                client.id()))
                        .hasSize(2)
                        .allSatisfy(body -> assertThat(body).contains("extra appointment", date)));
        assertThat(kinds(client.id())).noneMatch(kind -> kind.startsWith("SCHEDULE_CHANGED"));
    }

    /**
     * Until the client's waiting notice of this kind is one message per channel, each saying {@code
     * says} and naming the first session's day, the email also the second's.
     */
    private void awaitNotice(Client client, String kind, String says, Instant first, Instant second) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US);
        ZoneId zone = ZoneId.of(ZONE);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT channel || ' ' || body FROM message WHERE client_id = ? AND kind = ?"
                                        + " AND status <> 'CANCELLED' ORDER BY channel",
                                String.class,
                                client.id(),
                                kind))
                        .hasSize(2)
                        .allSatisfy(notice -> assertThat(notice).contains(says, day.format(first.atZone(zone))))
                        .first()
                        .asString()
                        .startsWith("EMAIL")
                        .contains(day.format(second.atZone(zone))));
    }

    /** Until notification knows the client as enrolled (its enrolled event consumed). */
    private void awaitEnrolled(Client client) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM recipient WHERE client_id = ? AND enrolled",
                                Long.class,
                                client.id())
                        == 1);
    }

    private static SessionScheduled booked(Client client, Duration from, BookingReason reason) {
        SessionScheduled session = session(client, UUID.randomUUID(), from);
        return new SessionScheduled(
                session.eventId(),
                session.occurredAt(),
                session.clientId(),
                session.sessionId(),
                session.kind(),
                session.startsAt(),
                session.endsAt(),
                session.timeZone(),
                session.modality(),
                null,
                reason);
    }

    private static SessionCancelled cancelled(SessionScheduled session, CancellationReason reason) {
        return new SessionCancelled(
                UUID.randomUUID(), Instant.now(), session.clientId(), session.sessionId(), session.startsAt(), reason);
    }

    private Instant reminderTime(UUID sessionId) {
        return jdbc
                .queryForList(
                        "SELECT execution_time FROM scheduled_tasks WHERE task_instance LIKE ?",
                        java.time.OffsetDateTime.class,
                        sessionId + "|%")
                .stream()
                .map(java.time.OffsetDateTime::toInstant)
                .findFirst()
                .orElse(Instant.EPOCH);
    }

    @Test
    void aMissedSessionBringsAKindMessageToTheClientAndAnAlertToTheCareTeam() {
        Client client = newClient();
        UUID sessionId = UUID.randomUUID();
        TestKafka.publish(enrolled(client));
        awaitEnrolled(client);
        TestKafka.publish(new SessionMissed(
                UUID.randomUUID(),
                Instant.now(),
                client.id(),
                sessionId,
                Instant.now().minusSeconds(3600),
                2,
                3));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(smsBodies(client.phone())).anyMatch(b -> b.contains("we missed you"));
            assertThat(emailBodies(client.email())).anyMatch(b -> b.contains("we missed you"));
            assertThat(emailBodies("care-team@clinic.example"))
                    .anyMatch(b -> b.contains(client.id().toString()) && b.contains("Misses in a row: 2"));
        });
        assertThat(emailBodies("care-team@clinic.example"))
                .filteredOn(b -> b.contains(client.id().toString()))
                .noneMatch(b -> b.contains("Robin") || b.contains(client.phone()));
    }

    @Test
    void anActivatedPlanIsAnnouncedWithoutContentAndUrgentFlagsAlertTheCareTeam() {
        Client client = newClient();
        TestKafka.publish(enrolled(client));
        awaitEnrolled(client);
        UUID planId = UUID.randomUUID();
        TestKafka.publishAll(List.<IntegrationEvent>of(
                new PlanUpdated(
                        UUID.randomUUID(),
                        Instant.now(),
                        client.id(),
                        planId,
                        2,
                        PlanChangeType.ACTIVATED,
                        PlanStatus.ACTIVE,
                        List.of(),
                        false,
                        LocalDate.now().plusDays(14)),
                new PlanUpdated(
                        UUID.randomUUID(),
                        Instant.now(),
                        client.id(),
                        planId,
                        2,
                        PlanChangeType.FLAGGED,
                        PlanStatus.REVIEW_REQUIRED,
                        List.of("URGENT_SAFETY"),
                        true,
                        null),
                new ScreeningCompleted(
                        UUID.randomUUID(),
                        Instant.now(),
                        client.id(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        LevelOfCare.IOP,
                        LevelOfCare.IOP,
                        List.of(),
                        true)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(smsBodies(client.phone())).anyMatch(b -> b.contains("your care plan was updated"));
            assertThat(emailBodies("care-team@clinic.example"))
                    .filteredOn(b -> b.contains(client.id().toString()) && b.contains("attention now"))
                    .hasSize(2);
        });
        assertThat(kinds(client.id()))
                .containsExactly(
                        "PLAN_REVIEW_NOTICE:EMAIL",
                        "PLAN_REVIEW_NOTICE:SMS",
                        "URGENT_FLAG_ALERT:EMAIL",
                        "URGENT_FLAG_ALERT:EMAIL");
        assertThat(emailBodies("care-team@clinic.example"))
                .filteredOn(b -> b.contains(client.id().toString()))
                .noneMatch(b -> b.contains("URGENT_SAFETY"));
    }

    @Test
    void aClientUpdateChangesWhereMessagesGoAndAnOlderOneChangesNothing() {
        Client client = newClient();
        ClientEnrolled enrollment = enrolled(client);
        TestKafka.publish(enrollment);
        String newNumber = newClient().phone();
        TestKafka.publishAll(List.<IntegrationEvent>of(
                new ClientUpdated(
                        UUID.randomUUID(),
                        Instant.now().plusSeconds(1),
                        client.id(),
                        "Robin",
                        newNumber,
                        null,
                        ZONE,
                        true,
                        false),
                new ClientUpdated(
                        UUID.randomUUID(),
                        Instant.now().minusSeconds(60),
                        client.id(),
                        "Old",
                        "+15550000000",
                        client.email(),
                        ZONE,
                        true,
                        true)));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT phone || ' ' || email_consent FROM recipient WHERE client_id = ?",
                                String.class,
                                client.id()))
                        .containsExactly(newNumber + " false"));
    }
}
