package org.iopcare.notification.work;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.SessionCancelled;
import org.iopcare.notification.NotificationIT;
import org.iopcare.notification.delivery.DeliveryReports;
import org.iopcare.notification.sms.InboundSms;
import org.iopcare.support.caseload.CareTeamProjection;
import org.iopcare.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * notification-service's work-item sources on the real broker and database: a reschedule request
 * (closed by a session change published after it), a free-text reply (to the primary clinician,
 * else the clinicians' queue), and a client message that did not arrive (closed by a later
 * delivery on the same channel). Each cause repeated gives one item.
 */
class WorkItemSourcesIT extends NotificationIT {

    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeliveryReports reports;

    @Autowired
    ReplyWorkItems replyItems;

    @Autowired
    CareTeamProjection careTeams;

    @Autowired
    PlatformTransactionManager transactions;

    record Item(
            String kind, String priority, String reason, String staff, String queue, String state, String outcome) {}

    private List<Item> items(UUID clientId) {
        return jdbc.query(
                "SELECT kind, priority, reason_code, owner_staff_id, owner_queue, state, outcome_code FROM work_item"
                        + " WHERE client_id = ? ORDER BY created_at",
                (rs, i) -> new Item(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)),
                clientId);
    }

    /** Posts a signed inbound SMS; the same sid again is the provider retrying the webhook. */
    private void reply(String sid, String from, String body) throws Exception {
        HttpRequest request = InboundSms.signed(SMS_TOKEN, port, InboundSms.reply(sid, from, body));
        assertThat(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
                .isLessThan(300);
    }

    @Test
    void aRescheduleRequestIsOneHighItemForSchedulersClosedByTheNextSessionChange() throws Exception {
        String phone = newNumber();
        UUID clientId = InboundSms.recipient(jdbc, phone);
        String sid = InboundSms.sid();
        reply(sid, phone, "2");
        reply(sid, phone, "2"); // the provider retries the webhook
        assertThat(items(clientId))
                .containsExactly(
                        new Item("RESCHEDULE_REQUEST", "HIGH", "RESCHEDULE_REQUEST", null, "SCHEDULER", "OPEN", null));

        // a session change from before the request does not answer it
        new TransactionTemplate(transactions)
                .executeWithoutResult(s -> assertThat(replyItems.sessionChanged(
                                clientId, Instant.now().minusSeconds(60)))
                        .isZero());
        SessionCancelled cancelled = new SessionCancelled(
                UUID.randomUUID(),
                Instant.now(),
                clientId,
                UUID.randomUUID(),
                Instant.now().plus(Duration.ofDays(2)),
                CancellationReason.values()[0]);
        TestKafka.publish(cancelled);
        TestKafka.publish(cancelled); // redelivered
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(items(clientId))
                        .extracting(Item::state, Item::outcome)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("DONE", "RESCHEDULED")));
    }

    @Test
    void aFreeTextReplyIsOneNormalItemForThePrimaryClinicianOrTheClinicianQueue() throws Exception {
        String phone = newNumber();
        UUID clientId = InboundSms.recipient(jdbc, phone);
        new TransactionTemplate(transactions)
                .executeWithoutResult(s -> careTeams.apply(new CareTeamChanged(
                        UUID.randomUUID(), Instant.now(), clientId, "clin-okafor", List.of("clin-other"))));
        String sid = InboundSms.sid();
        reply(sid, phone, "running late, can we talk tomorrow");
        reply(sid, phone, "running late, can we talk tomorrow");
        // keywords raise no free-text item
        reply(InboundSms.sid(), phone, "1");
        reply(InboundSms.sid(), phone, "HELP");
        assertThat(items(clientId))
                .containsExactly(
                        new Item("CLIENT_REPLY", "NORMAL", "FREE_TEXT_REPLY", "clin-okafor", null, "OPEN", null));

        String alone = newNumber();
        UUID noTeam = InboundSms.recipient(jdbc, alone);
        reply(InboundSms.sid(), alone, "thanks");
        assertThat(items(noTeam))
                .containsExactly(
                        new Item("CLIENT_REPLY", "NORMAL", "FREE_TEXT_REPLY", null, "CLINICIAN", "OPEN", null));
    }

    private UUID sent(UUID clientId, String audience, String channel, String providerId, Instant createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO message (id, client_id, audience, kind, channel, destination, body, status,"
                        + " idempotency_key, source_event_id, created_at, status_changed_at, provider_message_id)"
                        + " VALUES (?, ?, ?, 'SESSION_REMINDER', ?, 'somewhere', 'Hello from the clinic.', 'SENT', ?, ?,"
                        + " ?, ?, ?)",
                id,
                clientId,
                audience,
                channel,
                "test:" + id,
                UUID.randomUUID(),
                Timestamp.from(createdAt),
                Timestamp.from(createdAt),
                providerId);
        return id;
    }

    @Test
    void aClientMessageThatDidNotArriveIsOneItemForIntakeClosedByALaterDeliveryOnTheSameChannel() {
        UUID clientId = UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(60);
        String failedSms = InboundSms.sid();
        sent(clientId, "CLIENT", "SMS", failedSms, start);
        reports.report(failedSms, "undelivered");
        reports.report(failedSms, "undelivered"); // replayed report
        reports.report(failedSms, "failed"); // a later, different final report changes nothing
        // a staff message about the client that failed raises nothing
        String staffSms = InboundSms.sid();
        sent(clientId, "STAFF", "SMS", staffSms, start);
        reports.report(staffSms, "failed");
        assertThat(items(clientId))
                .containsExactly(new Item(
                        "MESSAGE_NOT_DELIVERED",
                        "NORMAL",
                        "MESSAGE_UNDELIVERABLE",
                        null,
                        "INTAKE_COORDINATOR",
                        "OPEN",
                        null));

        // an email delivered later says nothing about the number
        String email = InboundSms.sid();
        sent(clientId, "CLIENT", "EMAIL", email, start.plusSeconds(10));
        reports.report(email, "delivered");
        assertThat(items(clientId)).extracting(Item::state).containsExactly("OPEN");
        // a later SMS delivered: the number works
        String laterSms = InboundSms.sid();
        sent(clientId, "CLIENT", "SMS", laterSms, start.plusSeconds(20));
        reports.report(laterSms, "delivered");
        assertThat(items(clientId))
                .extracting(Item::state, Item::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DONE", "DELIVERED_LATER"));
    }

    @Test
    void anSmsReconciliationCannotSettleIsOneItemForIntake() {
        UUID clientId = UUID.randomUUID();
        String number = newNumber();
        String now = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        // two provider messages match the text: reconciliation leaves it UNKNOWN for staff, run after run
        smsProvider.stubFor(get(urlPathEqualTo(SMS_PATH))
                .withQueryParam("To", equalTo(number))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[{\"sid\":\"SMa" + number.substring(1)
                                + "\",\"status\":\"delivered\",\"body\":\"Hello from the clinic.\",\"date_created\":\""
                                + now + "\"},{\"sid\":\"SMb" + number.substring(1)
                                + "\",\"status\":\"delivered\",\"body\":\"Hello from the clinic.\",\"date_created\":\""
                                + now + "\"}]}")));
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO message (id, client_id, audience, kind, channel, destination, body, status,"
                        + " idempotency_key, source_event_id, created_at, status_changed_at, attempts)"
                        + " VALUES (?, ?, 'CLIENT', 'SESSION_REMINDER', 'SMS', ?, 'Hello from the clinic.', 'UNKNOWN',"
                        + " ?, ?, now(), now(), 1)",
                id,
                clientId,
                number,
                "test:" + id,
                UUID.randomUUID());
        jdbc.update("INSERT INTO delivery_attempt (message_id, attempt, started_at) VALUES (?, 1, now())", id);

        // several runs (every 300 ms in the tests) each find it ambiguous again
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM message_status_change WHERE message_id = ?", Long.class, id)
                        >= 3);
        assertThat(items(clientId))
                .containsExactly(new Item(
                        "MESSAGE_NOT_DELIVERED",
                        "NORMAL",
                        "MESSAGE_UNKNOWN",
                        null,
                        "INTAKE_COORDINATOR",
                        "OPEN",
                        null));
    }
}
