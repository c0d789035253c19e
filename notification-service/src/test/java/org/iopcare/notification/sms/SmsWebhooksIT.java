package org.iopcare.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.AttendanceConfirmed;
import org.iopcare.events.ConsentChangeSource;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.ContactConsentChanged;
import org.iopcare.events.Topics;
import org.iopcare.notification.NotificationIT;
import org.iopcare.notification.message.Audience;
import org.iopcare.notification.message.Channel;
import org.iopcare.notification.message.MessageKind;
import org.iopcare.notification.message.Messages;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The provider's signed webhooks: replies and delivery reports. */
class SmsWebhooksIT extends NotificationIT {

    private static final String STAFF = TestTokens.bearer(StaffRole.CLINICAL_SUPERVISOR);
    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Messages messages;

    @Autowired
    PlatformTransactionManager transactionManager;

    private int post(String path, Map<String, String> params, String signature) throws Exception {
        return client.send(InboundSms.post(port, path, params, signature), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private HttpResponse<String> postRaw(String path, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(TwilioSignature.HEADER, "not-checked-yet")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFormTheContainerCannotReadIsAProblemBeforeTheSignatureCheck() throws Exception {
        for (String path : List.of("/api/sms/inbound", "/api/sms/status")) {
            HttpResponse<String> undecodable = postRaw(path, "MessageSid=SM1&Body=%ZZsam-rivera");
            assertThat(undecodable.statusCode()).as(path).isEqualTo(400);
            assertThat(undecodable.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(undecodable.body()).doesNotContain("sam-rivera");

            HttpResponse<String> huge = postRaw(path, "MessageSid=SM1&Body=" + "x".repeat(3 * 1024 * 1024));
            assertThat(huge.statusCode()).as(path).isEqualTo(413);
            assertThat(huge.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    private int signed(String path, Map<String, String> params) throws Exception {
        return post(path, params, InboundSms.signature(SMS_TOKEN, port, path, params));
    }

    private List<String> kinds(UUID clientId) {
        return jdbc.queryForList(
                "SELECT kind FROM message WHERE client_id = ? ORDER BY created_at", String.class, clientId);
    }

    @Test
    void aForgedOrMissingSignatureIsRefusedAndChangesNothing() throws Exception {
        String phone = newNumber();
        UUID clientId = InboundSms.recipient(jdbc, phone);
        Map<String, String> stop = InboundSms.reply(phone, "STOP");
        assertThat(post("/api/sms/inbound", stop, "Zm9yZ2Vk")).isEqualTo(403);
        assertThat(post("/api/sms/inbound", stop, null)).isEqualTo(403);
        assertThat(post("/api/sms/status", Map.of("MessageSid", "SMx", "MessageStatus", "delivered"), "Zm9yZ2Vk"))
                .isEqualTo(403);
        assertThat(jdbc.queryForObject(
                        "SELECT sms_opted_out_at IS NULL FROM recipient WHERE client_id = ?", Boolean.class, clientId))
                .isTrue();
    }

    @Autowired
    org.iopcare.notification.recipient.ClientLock clientLock;

    /**
     * A STOP takes the client's lock like every writer of the recipient: while a client-updated
     * handler holds it (it read the recipient and will save it whole, which would put the opt-out
     * back), the STOP waits, and commits after it.
     */
    @Test
    void aStopWaitsForTheClientsLockSoAConcurrentClientUpdateCannotUndoIt() throws Exception {
        String phone = newNumber();
        UUID clientId = InboundSms.recipient(jdbc, phone);
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var handler = java.util.concurrent.CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(tx -> {
                    clientLock.lock(clientId);
                    held.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        held.await();
        var stop = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return signed("/api/sms/inbound", InboundSms.reply(phone, "STOP"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> jdbc.queryForObject(
                                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                            + " AND wait_event = 'advisory' AND datname = current_database()",
                                    Long.class)
                            > 0);
            assertThat(stop).isNotDone();
        } finally {
            release.countDown();
        }
        handler.join();
        assertThat(stop.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(204);
        assertThat(jdbc.queryForObject(
                        "SELECT sms_opted_out_at IS NOT NULL FROM recipient WHERE client_id = ?",
                        Boolean.class,
                        clientId))
                .isTrue();
    }

    @Test
    void stopOptsOutAtOnceWithOneConfirmationAndStartOptsBackIn() throws Exception {
        String phone = newNumber();
        UUID clientId = InboundSms.recipient(jdbc, phone);
        Map<String, String> stop = InboundSms.reply(phone, " stop ");
        assertThat(signed("/api/sms/inbound", stop)).isEqualTo(204);
        assertThat(signed("/api/sms/inbound", stop)).isEqualTo(204);
        assertThat(signed("/api/sms/inbound", InboundSms.reply(phone, "QUIT"))).isEqualTo(204);
        assertThat(jdbc.queryForObject(
                        "SELECT sms_opted_out_at IS NOT NULL FROM recipient WHERE client_id = ?",
                        Boolean.class,
                        clientId))
                .isTrue();
        assertThat(kinds(clientId)).containsExactly("OPT_OUT_CONFIRMATION");

        assertThat(signed("/api/sms/inbound", InboundSms.reply(phone, "START"))).isEqualTo(204);
        assertThat(signed("/api/sms/inbound", InboundSms.reply(phone, "HELP"))).isEqualTo(204);
        assertThat(kinds(clientId)).containsExactly("OPT_OUT_CONFIRMATION", "OPT_IN_CONFIRMATION", "HELP_REPLY");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM message WHERE client_id = ? AND status = 'SENT'",
                                Long.class,
                                clientId)
                        == 3);
    }

    @Test
    void anyNumberWeTextedCanStopStartAndAskForHelpAndAClientsOptOutIsPublishedWithoutTheNumber() throws Exception {
        try (KafkaConsumer<byte[], byte[]> consents = TestKafka.reader(Topics.CONTACT_CONSENT_CHANGED)) {
            String phone = newNumber();
            UUID clientId = InboundSms.recipient(jdbc, phone);
            Map<String, String> stop = InboundSms.reply(phone, "STOP");
            assertThat(signed("/api/sms/inbound", stop)).isEqualTo(204);
            assertThat(signed("/api/sms/inbound", stop)).isEqualTo(204);
            assertThat(signed("/api/sms/inbound", InboundSms.reply(phone, "STOP")))
                    .isEqualTo(204);

            // a number no client has any more (the client moved to a new one) but that got an SMS of ours
            String old = newNumber();
            UUID mover = InboundSms.recipient(jdbc, old);
            assertThat(signed("/api/sms/inbound", InboundSms.reply(old, "HELP")))
                    .isEqualTo(204);
            jdbc.update("UPDATE recipient SET phone = ? WHERE client_id = ?", newNumber(), mover);
            assertThat(signed("/api/sms/inbound", InboundSms.reply(old, "STOP")))
                    .isEqualTo(204);
            assertThat(signed("/api/sms/inbound", InboundSms.reply(old, "HELP")))
                    .isEqualTo(204);
            assertThat(toNumber(old)).containsExactly("HELP_REPLY", "OPT_OUT_CONFIRMATION", "HELP_REPLY");
            assertThat(jdbc.queryForList(
                            "SELECT client_id FROM message WHERE destination = ? AND kind <> 'HELP_REPLY'",
                            UUID.class,
                            old))
                    .containsExactly(InboundSms.NO_CLIENT);
            // a number we never texted gets no answer; its STOP still holds
            String stranger = newNumber();
            assertThat(signed("/api/sms/inbound", InboundSms.reply(stranger, "HELP")))
                    .isEqualTo(204);
            assertThat(signed("/api/sms/inbound", InboundSms.reply(stranger, "STOP")))
                    .isEqualTo(204);
            assertThat(toNumber(stranger)).isEmpty();

            // a new client who takes over the opted-out number gets nothing until START
            UUID newcomer = InboundSms.recipient(jdbc, old);
            UUID reminder = UUID.randomUUID();
            new TransactionTemplate(transactionManager)
                    .executeWithoutResult(tx -> messages.queue(
                            newcomer,
                            Audience.CLIENT,
                            MessageKind.SESSION_REMINDER,
                            Channel.SMS,
                            old,
                            "Reminder: see you tomorrow at 9:00 AM.",
                            reminder));
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(jdbc.queryForList(
                                    "SELECT status || ' ' || status_detail FROM message WHERE source_event_id = ?",
                                    String.class,
                                    reminder))
                            .containsExactly("SUPPRESSED number opted out of SMS"));
            assertThat(signed("/api/sms/inbound", InboundSms.reply(old, "START")))
                    .isEqualTo(204);
            assertThat(toNumber(old)).endsWith("OPT_IN_CONFIRMATION");
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM sms_number_opt_out WHERE phone IN (?, ?, ?)",
                            Long.class,
                            phone,
                            old,
                            stranger))
                    .isEqualTo(2);

            // the known client's opt-out, once, keyed and identified by the client id, without the number
            List<ContactConsentChanged> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> {
                        for (ConsumerRecord<byte[], byte[]> r : TestKafka.poll(consents)) {
                            String key = new String(r.key(), StandardCharsets.UTF_8);
                            if (key.equals(clientId.toString())) {
                                assertThat(new String(r.value(), StandardCharsets.UTF_8))
                                        .doesNotContain(phone.substring(2));
                                published.add(TestKafka.read(r, ContactConsentChanged.class));
                            }
                            assertThat(key).isNotEqualTo(mover.toString()).isNotEqualTo(newcomer.toString());
                        }
                        assertThat(published).hasSize(1);
                    });
            assertThat(published.get(0).clientId()).isEqualTo(clientId);
            assertThat(published.get(0).channel()).isEqualTo(ContactChannel.SMS);
            assertThat(published.get(0).optedIn()).isFalse();
            assertThat(published.get(0).source()).isEqualTo(ConsentChangeSource.SMS_REPLY);
        }
    }

    private List<String> toNumber(String phone) {
        return jdbc.queryForList(
                "SELECT kind FROM message WHERE destination = ? ORDER BY created_at", String.class, phone);
    }

    @Test
    void confirmationsRescheduleRequestsAndOtherTextsReachTheStaffInboxOnce() throws Exception {
        String phone = newNumber();
        UUID clientId = InboundSms.recipient(jdbc, phone);
        Map<String, String> other = InboundSms.reply(phone, "running late today");
        assertThat(signed("/api/sms/inbound", InboundSms.reply(phone, "YES"))).isEqualTo(204);
        assertThat(signed("/api/sms/inbound", InboundSms.reply(phone, "2"))).isEqualTo(204);
        assertThat(signed("/api/sms/inbound", other)).isEqualTo(204);
        assertThat(signed("/api/sms/inbound", other)).isEqualTo(204);

        var inbox = http.get("/api/inbox?clientId=" + clientId, STAFF);
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.json().findValuesAsString("kind"))
                .containsExactlyInAnyOrder("ATTENDANCE_CONFIRMATION", "RESCHEDULE_REQUEST", "MESSAGE");
        assertThat(http.get("/api/inbox", null).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_entry WHERE path_pattern = '/api/inbox'", Long.class))
                .isPositive();
    }

    @Test
    void deliveryReportsMoveTheStateForwardOnlyWhateverTheirOrderAndRepeats() throws Exception {
        UUID clientId = InboundSms.recipient(jdbc, newNumber());
        UUID id = UUID.randomUUID();
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        jdbc.update(
                "INSERT INTO message (id, client_id, audience, kind, channel, destination, body, status,"
                        + " idempotency_key, source_event_id, created_at, status_changed_at, provider_message_id)"
                        + " VALUES (?, ?, 'CLIENT', 'HELP_REPLY', 'SMS', '+15550000000', 'x', 'SENT', ?, ?, now(),"
                        + " now(), ?)",
                id,
                clientId,
                "test:" + id,
                UUID.randomUUID(),
                sid);
        for (String state : List.of("delivered", "sent", "delivered", "queued", "failed")) {
            assertThat(signed("/api/sms/status", Map.of("MessageSid", sid, "MessageStatus", state)))
                    .isEqualTo(204);
        }
        assertThat(jdbc.queryForObject("SELECT status FROM message WHERE id = ?", String.class, id))
                .isEqualTo("DELIVERED");
        // a report of no message (yet) is kept for the send it overtook (EarlyDeliveryReportsIT)
        String early = "SM" + UUID.randomUUID().toString().replace("-", "");
        assertThat(signed("/api/sms/status", Map.of("MessageSid", early, "MessageStatus", "delivered")))
                .isEqualTo(204);
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM early_delivery_report WHERE provider_message_id = ?", String.class, early))
                .isEqualTo("DELIVERED");
        // the local run's sandbox does not exist outside profile local
        assertThat(http.get("/sandbox/sms?to=%2B15550000000", null).status()).isEqualTo(404);
        assertThat(http.get("/sandbox/email?to=a@example.org", null).status()).isEqualTo(404);
        assertThat(signed("/sandbox/sms/provider/2010-04-01/Accounts/" + SMS_ACCOUNT + "/Messages.json", Map.of()))
                .isEqualTo(404);
    }

    private void session(UUID clientId, UUID sessionId, Duration from, String status) {
        jdbc.update(
                "INSERT INTO client_session (session_id, client_id, kind, starts_at, ends_at, time_zone, modality,"
                        + " status, updated_at) VALUES (?, ?, 'GROUP', now() + ?::interval, now() + ?::interval,"
                        + " 'America/New_York', 'IN_PERSON', ?, now())",
                sessionId,
                clientId,
                from.toSeconds() + " seconds",
                (from.toSeconds() + 10800) + " seconds",
                status);
    }

    @Test
    void aConfirmationConfirmsTheNextScheduledSessionOnceThroughTheOutbox() throws Exception {
        String phone = newNumber();
        UUID clientId = InboundSms.recipient(jdbc, phone);
        UUID next = UUID.randomUUID();
        session(clientId, UUID.randomUUID(), Duration.ofHours(-20), "SCHEDULED");
        session(clientId, UUID.randomUUID(), Duration.ofHours(2), "CANCELLED");
        session(clientId, next, Duration.ofDays(1), "SCHEDULED");
        session(clientId, UUID.randomUUID(), Duration.ofDays(3), "SCHEDULED");
        var reader = TestKafka.reader(Topics.ATTENDANCE_CONFIRMED);
        try (reader) {
            Map<String, String> one = InboundSms.reply(phone, " 1 ");
            assertThat(signed("/api/sms/inbound", one)).isEqualTo(204);
            assertThat(signed("/api/sms/inbound", one)).isEqualTo(204);

            List<AttendanceConfirmed> confirmed = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                TestKafka.poll(reader).stream()
                        .map(r -> TestKafka.read(r, AttendanceConfirmed.class))
                        .filter(e -> e.clientId().equals(clientId))
                        .forEach(confirmed::add);
                assertThat(confirmed).hasSize(1);
            });
            assertThat(confirmed.get(0).sessionId()).isEqualTo(next);
            assertThat(confirmed.get(0).channel()).isEqualTo(ContactChannel.SMS);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
                TestKafka.poll(reader).stream()
                        .map(r -> TestKafka.read(r, AttendanceConfirmed.class))
                        .filter(e -> e.clientId().equals(clientId))
                        .forEach(confirmed::add);
                assertThat(confirmed).hasSize(1);
            });
        }
        // without an upcoming session, the reply waits for staff in the inbox
        String other = newNumber();
        UUID lonely = InboundSms.recipient(jdbc, other);
        assertThat(signed("/api/sms/inbound", InboundSms.reply(other, "YES"))).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT note FROM inbox_item WHERE client_id = ?", String.class, lonely))
                .startsWith("no upcoming session");
    }
}
