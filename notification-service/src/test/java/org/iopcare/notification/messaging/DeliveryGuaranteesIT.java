package org.iopcare.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.InquiryReceived;
import org.iopcare.events.IntegrationEvent;
import org.iopcare.events.Topics;
import org.iopcare.notification.NotificationIT;
import org.iopcare.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The consumer side of the event backbone on the real broker: redelivered events have exactly one
 * effect, and poison records go to the dead-letter topic while every valid record is processed.
 */
class DeliveryGuaranteesIT extends NotificationIT {

    private static final String DLT = "error." + Topics.INQUIRY_RECEIVED + ".notification-service";
    private static final String CONSUMER = "notification-service:inquiry-received";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    private final Random random = new Random(42);

    static InquiryReceived inquiry(UUID clientId) {
        return new InquiryReceived(
                UUID.randomUUID(),
                Instant.now(),
                clientId,
                UUID.randomUUID(),
                "Alex",
                "+16175550199",
                "alex@example.org",
                ContactChannel.SMS,
                true,
                null);
    }

    @Test
    void everyEventDeliveredOneToThreeTimesHasExactlyOneEffect() {
        int events = 500;
        List<UUID> clients = new ArrayList<>();
        List<IntegrationEvent> deliveries = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            UUID clientId = UUID.randomUUID();
            clients.add(clientId);
            InquiryReceived event = inquiry(clientId);
            int times = 1 + random.nextInt(3);
            for (int t = 0; t < times; t++) {
                deliveries.add(event);
            }
        }
        Collections.shuffle(deliveries, random);
        double redeliveriesBefore = redeliveries();
        long started = System.nanoTime();

        TestKafka.publishAll(deliveries);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> messagesFor(clients) == events);
        double seconds = (System.nanoTime() - started) / 1e9;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> redeliveries() - redeliveriesBefore == deliveries.size() - events);

        long effects = messagesFor(clients);
        long duplicateEffects = effects - events;
        System.out.printf(
                "[redelivery] events=%d deliveries=%d duplicates seen by consumer=%.0f duplicate effects=%d"
                        + " (messages=%d, expected=%d) in %.1f s%n",
                events,
                deliveries.size(),
                redeliveries() - redeliveriesBefore,
                duplicateEffects,
                effects,
                (long) events,
                seconds);
        assertThat(duplicateEffects).isZero();
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndValidRecordsAreAllProcessed() {
        int valid = 990;
        List<UUID> clients = new ArrayList<>();
        List<IntegrationEvent> events = new ArrayList<>();
        for (int i = 0; i < valid; i++) {
            UUID clientId = UUID.randomUUID();
            clients.add(clientId);
            events.add(inquiry(clientId));
        }
        Set<String> poisonKeys = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> reader = TestKafka.reader(DLT)) {
            long started = System.nanoTime();
            for (int i = 0; i < events.size(); i++) {
                if (i % 99 == 0) {
                    String key = "poison-" + UUID.randomUUID();
                    poisonKeys.add(key);
                    TestKafka.publishRaw(Topics.INQUIRY_RECEIVED, key, poison(i / 99), poisonHeaders(i / 99));
                }
            }
            TestKafka.publishAll(events);

            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> messagesFor(clients) == valid);
            List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                dead.addAll(TestKafka.poll(reader));
                assertThat(dead.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)))
                        .containsAll(poisonKeys);
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            List<ConsumerRecord<byte[], byte[]>> ours = dead.stream()
                    .filter(r -> poisonKeys.contains(new String(r.key(), StandardCharsets.UTF_8)))
                    .toList();
            System.out.printf(
                    "[poison] valid=%d poison=%d (%.1f %%) records in DLT=%d valid processed=%d in %.1f s%n",
                    valid,
                    poisonKeys.size(),
                    100.0 * poisonKeys.size() / (valid + poisonKeys.size()),
                    ours.size(),
                    messagesFor(clients),
                    seconds);
            assertThat(ours).hasSize(poisonKeys.size());
            assertThat(ours).allSatisfy(record -> {
                assertThat(TestKafka.header(record, "x-original-topic")).isEqualTo(Topics.INQUIRY_RECEIVED);
                assertThat(TestKafka.header(record, "x-exception-fqcn")).isNotBlank();
                assertThat(TestKafka.header(record, "ce_id")).isNotBlank();
            });
        }
    }

    /** Bad JSON, the wrong event type, an oversized payload, a missing field, no type at all. */
    private static byte[] poison(int kind) {
        String text = switch (kind % 5) {
            case 0 -> "{\"eventId\": \"broken";
            case 1 -> "{\"eventId\":\"" + UUID.randomUUID() + "\"}";
            case 2 -> "{\"pad\":\"" + "x".repeat(70_000) + "\"}";
            case 3 -> "[1,2,3]";
            default -> "not json at all";
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> poisonHeaders(int kind) {
        String type =
                kind % 5 == 1 ? "org.iopcare.scheduling.session-missed.v1" : "org.iopcare.intake.inquiry-received.v1";
        return kind % 5 == 4
                ? Map.of("ce_id", UUID.randomUUID().toString())
                : Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", type);
    }

    private long messagesFor(List<UUID> clients) {
        return jdbc.queryForObject("SELECT count(*) FROM message WHERE client_id = ANY (?)", Long.class, (Object)
                clients.toArray(UUID[]::new));
    }

    private double redeliveries() {
        Counter counter = meters.find("iopcare.consumer.redeliveries")
                .tag("consumer", CONSUMER)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
