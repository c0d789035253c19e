package org.iopcare.notification.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.InquiryReceived;
import org.iopcare.notification.NotificationIT;
import org.iopcare.notification.message.Channel;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The dispatcher against a real SMTP server and a Twilio-compatible HTTP API. */
class DeliveryIT extends NotificationIT {

    private static final String STAFF = TestTokens.bearer(StaffRole.CLINICAL_SUPERVISOR);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DeliveryLedger ledger;

    /**
     * A crisis answer is claimed before older messages (held for a day far ahead, so the running
     * workers leave them alone; the claim asks as of then, and rolls back).
     */
    @Test
    void aCrisisAnswerIsClaimedAheadOfOlderMessages() {
        java.time.Instant later = java.time.Instant.parse("2100-06-01T12:00:00Z");
        UUID crisis = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            held(UUID.randomUUID(), "HELP_REPLY", later, "now() - interval '1 hour'");
        }
        held(crisis, "CRISIS_REPLY", later, "now()");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(ledger.claim(Channel.SMS, later.plusSeconds(1), 1))
                    .singleElement()
                    .satisfies(claimed -> assertThat(claimed.id()).isEqualTo(crisis));
            status.setRollbackOnly();
        });
        jdbc.update("DELETE FROM message WHERE next_attempt_at = ?", java.sql.Timestamp.from(later));
    }

    private void held(UUID id, String kind, java.time.Instant until, String createdAt) {
        jdbc.update(
                "INSERT INTO message (id, client_id, audience, kind, channel, destination, body, status,"
                        + " idempotency_key, source_event_id, created_at, status_changed_at, next_attempt_at)"
                        + " VALUES (?, ?, 'STAFF', ?, 'SMS', '+15550000001', 'held', 'QUEUED', ?, ?, " + createdAt
                        + ", now(), ?)",
                id,
                UUID.randomUUID(),
                kind,
                "held:" + id,
                UUID.randomUUID(),
                java.sql.Timestamp.from(until));
    }

    private List<LoggedRequest> smsTo(String number) {
        return smsProvider.findAll(postRequestedFor(urlPathEqualTo(SMS_PATH))
                .withRequestBody(containing("To=" + URLEncoder.encode(number, StandardCharsets.UTF_8))));
    }

    private List<MimeMessage> emailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equals(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    private String status(UUID messageId) {
        return jdbc.queryForObject("SELECT status FROM message WHERE id = ?", String.class, messageId);
    }

    private void recipient(UUID clientId, boolean sms, boolean email, boolean optedOut) {
        jdbc.update(
                "INSERT INTO recipient (client_id, contact_consent, sms_consent, email_consent, sms_opted_out_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, now())",
                clientId,
                sms || email,
                sms,
                email,
                optedOut ? Timestamp.from(Instant.now()) : null);
    }

    private UUID queued(UUID clientId, String channel, String destination) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO message (id, client_id, audience, kind, channel, destination, body, status,"
                        + " idempotency_key, source_event_id, created_at, status_changed_at)"
                        + " VALUES (?, ?, 'CLIENT', 'INQUIRY_ACKNOWLEDGEMENT', ?, ?, 'Hello from the clinic.',"
                        + " 'QUEUED', ?, ?, now(), now())",
                id,
                clientId,
                channel,
                destination,
                "test:" + id,
                UUID.randomUUID());
        return id;
    }

    /** The provider's list of messages to {@code number} is empty: it never took one. */
    private void providerListsNothingTo(String number) {
        smsProvider.stubFor(get(urlPathEqualTo(SMS_PATH))
                .withQueryParam("To", equalTo(number))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[]}")));
    }

    private UUID smsFor(String number) {
        UUID client = UUID.randomUUID();
        recipient(client, true, true, false);
        return queued(client, "SMS", number);
    }

    @Test
    void anInquiryIsAcknowledgedBySmsAtTheProviderOrByEmailAtTheSmtpServerOnce() {
        UUID clientId = UUID.randomUUID();
        String number = newNumber();
        String email = "e" + clientId + "@example.org";
        InquiryReceived bySms = new InquiryReceived(
                UUID.randomUUID(),
                Instant.now(),
                clientId,
                UUID.randomUUID(),
                "Sam",
                number,
                email,
                ContactChannel.SMS,
                true,
                null);
        UUID emailClient = UUID.randomUUID();
        String other = "e" + emailClient + "@example.org";
        InquiryReceived byEmail = new InquiryReceived(
                UUID.randomUUID(),
                Instant.now(),
                emailClient,
                UUID.randomUUID(),
                "Jo",
                null,
                other,
                ContactChannel.EMAIL,
                true,
                null);
        TestKafka.publishAll(List.of(bySms, byEmail, bySms));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(smsTo(number)).hasSize(1);
            assertThat(emailTo(other)).hasSize(1);
        });
        LoggedRequest sms = smsTo(number).get(0);
        assertThat(sms.getHeader("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString((SMS_ACCOUNT + ":" + SMS_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(sms.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(sms.formParameters()).containsKeys("From", "Body", "StatusCallback");
        assertThat(sms.formParameters().get("Body").firstValue()).contains("Sam", "Riverside Health");

        JsonNode messages =
                http.get("/api/clients/" + clientId + "/messages", STAFF).json();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(http.get("/api/clients/" + clientId + "/messages", STAFF)
                                .json()
                                .findValuesAsString("status"))
                        .containsOnly("SENT"));
        String acknowledgement = null;
        for (JsonNode m : messages) {
            if (m.get("kind").asString().equals("INQUIRY_ACKNOWLEDGEMENT")) {
                acknowledgement = m.get("id").asString();
            }
        }
        JsonNode one = http.get("/api/messages/" + acknowledgement, STAFF).json();
        assertThat(one.get("history").findValuesAsString("status")).containsExactly("QUEUED", "SENT");
        assertThat(one.get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void aProviderThatKeepsFailingLeavesTheMessageFailedAfterTheLastAttempt() {
        String number = newNumber();
        smsProvider.stubFor(post(urlPathEqualTo(SMS_PATH))
                .atPriority(1)
                .withRequestBody(containing(URLEncoder.encode(number, StandardCharsets.UTF_8)))
                .willReturn(aResponse().withStatus(500)));
        UUID id = smsFor(number);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("FAILED"));
        assertThat(smsTo(number)).hasSize(3);
    }

    @Test
    void aTimeoutAfterSendingLeavesTheMessageUnknownAndNeverResendsIt() {
        String number = newNumber();
        smsProvider.stubFor(post(urlPathEqualTo(SMS_PATH))
                .atPriority(1)
                .withRequestBody(containing(URLEncoder.encode(number, StandardCharsets.UTF_8)))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withBody("{\"sid\":\"SMlate\"}")
                        .withFixedDelay(2500)));
        UUID id = smsFor(number);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("UNKNOWN"));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> smsTo(number).size() == 1);
    }

    /**
     * Interrupted, then reconciled: the provider never listed it, so after the absence wait it is
     * queued again and its next attempt (number 2, the interrupted one keeps 1) goes out once.
     */
    @Test
    void anAttemptInterruptedByACrashIsNeverRepeatedBlindlyAndSentOnceWhenTheProviderNeverHadIt() {
        String number = newNumber();
        providerListsNothingTo(number);
        // what a crash after the attempt was recorded, before SENT was committed, leaves behind:
        // written in one transaction so the dispatcher sees the message only with its open attempt
        UUID id = new TransactionTemplate(transactions).execute(status -> {
            UUID message = smsFor(number);
            jdbc.update("INSERT INTO delivery_attempt (message_id, attempt, started_at) VALUES (?, 1, now())", message);
            return message;
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("UNKNOWN"));
        assertThat(smsTo(number)).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("SENT"));
        assertThat(jdbc.queryForList(
                        "SELECT status FROM message_status_change WHERE message_id = ? ORDER BY id", String.class, id))
                .containsExactly("UNKNOWN", "QUEUED", "SENT");
        assertThat(jdbc.queryForList(
                        "SELECT attempt FROM delivery_attempt WHERE message_id = ? ORDER BY attempt",
                        Integer.class,
                        id))
                .containsExactly(1, 2);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> smsTo(number).size() == 1);
    }

    @Test
    void noMessageGoesToAChannelWithoutItsConsent() {
        String optedOut = newNumber();
        String noConsent = newNumber();
        UUID a = UUID.randomUUID();
        recipient(a, true, true, true);
        UUID b = UUID.randomUUID();
        recipient(b, false, false, false);
        UUID sms1 = queued(a, "SMS", optedOut);
        UUID sms2 = queued(b, "SMS", noConsent);
        UUID mail = queued(b, "EMAIL", "no-consent-" + b + "@example.org");
        UUID unknownClient = queued(UUID.randomUUID(), "SMS", noConsent);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(List.of(status(sms1), status(sms2), status(mail), status(unknownClient)))
                                .containsOnly("SUPPRESSED"));
        assertThat(smsTo(optedOut)).isEmpty();
        assertThat(smsTo(noConsent)).isEmpty();
        assertThat(emailTo("no-consent-" + b + "@example.org")).isEmpty();
    }

    @Test
    void aTimedOutSmsIsReconciledWithTheProvidersListAndNeverSentTwice() {
        String number = newNumber();
        smsProvider.stubFor(post(urlPathEqualTo(SMS_PATH))
                .atPriority(1)
                .withRequestBody(containing(URLEncoder.encode(number, StandardCharsets.UTF_8)))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withBody("{\"sid\":\"SMreconciled" + number.substring(1) + "\"}")
                        .withFixedDelay(2500)));
        // what the provider lists for that number: the message it did take, delivered
        smsProvider.stubFor(get(urlPathEqualTo(SMS_PATH))
                .withQueryParam("To", equalTo(number))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[{\"sid\":\"SMreconciled" + number.substring(1)
                                + "\",\"status\":\"delivered\",\"body\":\"Hello from the clinic.\","
                                + "\"date_created\":\""
                                + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))
                                + "\"},{\"sid\":\"SMother\",\"status\":\"delivered\",\"body\":\"another text\","
                                + "\"date_created\":\""
                                + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))
                                + "\"}]}")));
        UUID id = smsFor(number);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("DELIVERED"));
        assertThat(jdbc.queryForObject("SELECT provider_message_id FROM message WHERE id = ?", String.class, id))
                .isEqualTo("SMreconciled" + number.substring(1));
        assertThat(jdbc.queryForList(
                        "SELECT status FROM message_status_change WHERE message_id = ? ORDER BY id", String.class, id))
                .containsExactly("UNKNOWN", "DELIVERED"); // the test queued the row itself, without history
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> smsTo(number).size() == 1);
    }

    @Test
    void aTimedOutSmsTheProviderNeverListedIsSentOnceMoreAfterTheAbsenceWait() {
        String number = newNumber();
        String scenario = "absent-" + number;
        // the first request times out (and, as far as the provider's list says, never arrived)
        smsProvider.stubFor(post(urlPathEqualTo(SMS_PATH))
                .atPriority(1)
                .withRequestBody(containing(URLEncoder.encode(number, StandardCharsets.UTF_8)))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("second")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withBody("{\"sid\":\"SMlost\"}")
                        .withFixedDelay(2500)));
        smsProvider.stubFor(post(urlPathEqualTo(SMS_PATH))
                .atPriority(1)
                .withRequestBody(containing(URLEncoder.encode(number, StandardCharsets.UTF_8)))
                .inScenario(scenario)
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SMagain" + number.substring(1) + "\"}")));
        providerListsNothingTo(number);
        UUID id = smsFor(number);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("SENT"));
        assertThat(jdbc.queryForList(
                        "SELECT status FROM message_status_change WHERE message_id = ? ORDER BY id", String.class, id))
                .containsExactly("UNKNOWN", "QUEUED", "SENT");
        assertThat(jdbc.queryForObject("SELECT provider_message_id FROM message WHERE id = ?", String.class, id))
                .isEqualTo("SMagain" + number.substring(1));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> smsTo(number).size() == 2);
    }

    @Test
    void aStopCommittedWhileABatchIsSendingStopsEveryLaterSend() {
        String number = newNumber();
        smsProvider.stubFor(post(urlPathEqualTo(SMS_PATH))
                .atPriority(1)
                .withRequestBody(containing(URLEncoder.encode(number, StandardCharsets.UTF_8)))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withBody("{\"sid\":\"SM{{randomValue length=24 type='ALPHANUMERIC'}}\"}")
                        .withFixedDelay(200)));
        UUID client = UUID.randomUUID();
        recipient(client, true, true, false);
        List<UUID> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(queued(client, "SMS", number));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> smsTo(number).size() >= 3);
        // what InboundReplies commits for a STOP from this number
        jdbc.update("UPDATE recipient SET sms_opted_out_at = now() WHERE client_id = ?", client);
        Instant stopped = Instant.now();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM message WHERE client_id = ? AND status = 'QUEUED'",
                                Long.class,
                                client)
                        == 0);
        long suppressed = jdbc.queryForObject(
                "SELECT count(*) FROM message WHERE client_id = ? AND status = 'SUPPRESSED'", Long.class, client);
        assertThat(suppressed).isPositive();
        // a send whose consent was read just before the commit may still be in flight; none starts later
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM delivery_attempt a JOIN message m ON m.id = a.message_id"
                                + " WHERE m.client_id = ? AND a.started_at > ?",
                        Long.class,
                        client,
                        Timestamp.from(stopped.plusMillis(500))))
                .isZero();
        assertThat(smsTo(number)).hasSize(batch.size() - (int) suppressed);
    }
}
