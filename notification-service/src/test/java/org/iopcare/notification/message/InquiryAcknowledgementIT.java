package org.iopcare.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.InquiryReceived;
import org.iopcare.events.Topics;
import org.iopcare.notification.NotificationIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class InquiryAcknowledgementIT extends NotificationIT {

    private static final String STAFF = TestTokens.bearer(StaffRole.CLINICAL_SUPERVISOR);

    @Autowired
    JdbcTemplate jdbc;

    static InquiryReceived inquiry(UUID clientId, ContactChannel channel, boolean consent, UUID duplicateOf) {
        return new InquiryReceived(
                UUID.randomUUID(),
                Instant.now(),
                clientId,
                UUID.randomUUID(),
                "Sam",
                "+16175550123",
                "sam@example.org",
                channel,
                consent,
                duplicateOf);
    }

    private List<JsonNode> messagesOf(UUID clientId) {
        Response response = http.get("/api/clients/" + clientId + "/messages", STAFF);
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> messages = new ArrayList<>();
        response.json().forEach(messages::add);
        return messages;
    }

    /** How often the inquiry was recorded for the intake team's summary. */
    private long counted(UUID eventId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM intake_inquiry WHERE inquiry_event_id = ?", Long.class, eventId);
    }

    @Test
    void acknowledgesTheInquirerOnceAndCountsItOnceForTheIntakeTeamsSummary() {
        UUID clientId = UUID.randomUUID();
        InquiryReceived event = inquiry(clientId, ContactChannel.SMS, true, null);
        TestKafka.publish(event);
        TestKafka.publish(event);
        TestKafka.publish(event);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(messagesOf(clientId)).hasSize(1));
        // a later event on the same partition is processed only after the redeliveries
        UUID marker = UUID.randomUUID();
        TestKafka.publish(inquiry(marker, ContactChannel.EMAIL, true, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> messagesOf(marker).size() == 1);

        // no email to the intake team per inquiry: the inquiry waits, counted once, for the summary
        List<JsonNode> messages = messagesOf(clientId);
        assertThat(messages).hasSize(1);
        assertThat(counted(event.eventId())).isOne();
        JsonNode acknowledgement = messages.stream()
                .filter(m -> m.get("kind").asString().equals("INQUIRY_ACKNOWLEDGEMENT"))
                .findFirst()
                .orElseThrow();
        assertThat(acknowledgement.get("channel").asString()).isEqualTo("SMS");
        assertThat(acknowledgement.get("destination").asString()).isEqualTo("+16175550123");
        // the dispatcher may already have sent it (DeliveryIT follows it to the provider)
        assertThat(acknowledgement.get("status").asString()).isIn("QUEUED", "SENT");
        assertThat(acknowledgement.get("body").asString())
                .contains("Sam", "Riverside Health")
                .doesNotContainIgnoringCase("therapy")
                .doesNotContainIgnoringCase("recovery")
                .doesNotContainIgnoringCase("treatment");

        Response one = http.get("/api/messages/" + acknowledgement.get("id").asString(), STAFF);
        assertThat(one.status()).isEqualTo(200);
    }

    @Test
    void theFirstSmsToANumberSaysHowToOptOutAndTheNextOneDoesNot() {
        String phone = newNumber();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        for (UUID clientId : List.of(first, second)) {
            TestKafka.publish(new InquiryReceived(
                    UUID.randomUUID(),
                    Instant.now(),
                    clientId,
                    UUID.randomUUID(),
                    "Sam",
                    phone,
                    null,
                    ContactChannel.SMS,
                    true,
                    null));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> messagesOf(clientId).size() == 1);
        }
        assertThat(messagesOf(first).get(0).get("body").asString()).endsWith("\n" + Messages.OPT_OUT_HINT);
        assertThat(messagesOf(second).get(0).get("body").asString()).doesNotContain(Messages.OPT_OUT_HINT);
    }

    @Test
    void neverAcknowledgesARepeatInquiryOrOneWithoutConsent() {
        UUID repeat = UUID.randomUUID();
        UUID noConsent = UUID.randomUUID();
        InquiryReceived repeated = inquiry(repeat, ContactChannel.EMAIL, true, UUID.randomUUID());
        InquiryReceived withoutConsent = inquiry(noConsent, ContactChannel.EMAIL, false, null);
        TestKafka.publish(repeated);
        TestKafka.publish(withoutConsent);

        // both are counted for the intake team's summary; neither inquirer is written to
        await().atMost(Duration.ofSeconds(20))
                .until(() -> counted(repeated.eventId()) == 1 && counted(withoutConsent.eventId()) == 1);
        assertThat(messagesOf(repeat)).isEmpty();
        assertThat(messagesOf(noConsent)).isEmpty();
    }

    @Test
    void aLaterInquiryUnderAKnownClientNeitherChangesTheirContactNorWritesToThem() {
        UUID clientId = UUID.randomUUID();
        TestKafka.publish(inquiry(clientId, ContactChannel.SMS, true, null));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(messagesOf(clientId)).hasSize(1));

        // an anonymous form with someone else's phone, as an older intake published it: the same
        // client id, the stranger's email, linked to the first inquiry
        UUID firstInquiry = UUID.randomUUID();
        InquiryReceived linked = new InquiryReceived(
                UUID.randomUUID(),
                Instant.now(),
                clientId,
                UUID.randomUUID(),
                "Alex",
                "+16175550199",
                "stranger@example.net",
                ContactChannel.EMAIL,
                true,
                firstInquiry);
        TestKafka.publish(linked);
        // and one without the link, which must not be acknowledged to a known client either
        InquiryReceived unlinked = new InquiryReceived(
                UUID.randomUUID(),
                Instant.now(),
                clientId,
                UUID.randomUUID(),
                "Alex",
                null,
                "stranger@example.net",
                ContactChannel.EMAIL,
                true,
                null);
        TestKafka.publish(unlinked);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> counted(linked.eventId()) == 1 && counted(unlinked.eventId()) == 1);
        assertThat(messagesOf(clientId))
                .extracting(m -> m.get("kind").asString())
                .containsExactly("INQUIRY_ACKNOWLEDGEMENT");
        assertThat(jdbc.queryForMap("SELECT preferred_name, phone, email FROM recipient WHERE client_id = ?", clientId))
                .containsEntry("preferred_name", "Sam")
                .containsEntry("phone", "+16175550123")
                .containsEntry("email", "sam@example.org");
        assertThat(messagesOf(clientId))
                .extracting(m -> m.get("destination").asString())
                .noneMatch(destination -> destination.contains("stranger") || destination.contains("0199"));
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndTheNextIsProcessed() {
        String dlt = "error." + Topics.INQUIRY_RECEIVED + ".notification-service";
        UUID poisonKey = UUID.randomUUID();
        try (KafkaConsumer<byte[], byte[]> reader = TestKafka.reader(dlt)) {
            TestKafka.publishRaw(
                    Topics.INQUIRY_RECEIVED,
                    poisonKey.toString(),
                    "{not json".getBytes(StandardCharsets.UTF_8),
                    Map.of("ce_id", UUID.randomUUID().toString(), "content-type", "application/json"));
            UUID after = UUID.randomUUID();
            TestKafka.publish(inquiry(after, ContactChannel.SMS, true, null));

            await().atMost(Duration.ofSeconds(30)).until(() -> messagesOf(after).size() == 1);
            List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                dead.addAll(TestKafka.poll(reader));
                assertThat(dead).anySatisfy(r -> assertThat(new String(r.key())).isEqualTo(poisonKey.toString()));
            });
        }
    }

    @Test
    void staffOnly() {
        assertThat(http.get("/api/clients/" + UUID.randomUUID() + "/messages", null)
                        .status())
                .isEqualTo(401);
        assertThat(http.get("/api/messages/" + UUID.randomUUID(), STAFF).status())
                .isEqualTo(404);
        assertThat(http.get("/api/messages/nope", STAFF).status()).isEqualTo(400);
        assertThat(http.postJson("/sandbox/sms/reply", null, "{}").status()).isEqualTo(404);
    }
}
