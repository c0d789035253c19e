package org.iopcare.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.iopcare.intake.IntakeIT;
import org.iopcare.support.outbox.OutboxProperties;
import org.iopcare.support.outbox.OutboxSignal;
import org.iopcare.support.outbox.OutboxStore;
import org.iopcare.testsupport.Infrastructure;
import org.iopcare.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures the relay alone: events committed to the outbox in one transaction are drained by the
 * service's running relay, timed from the commit until the outbox is empty, beside a raw baseline
 * measured in the same run on the same broker: a plain idempotent producer ({@code acks=all})
 * sending the same number of records of the same size and keys, all handed over before any
 * acknowledgement is awaited. Prints the figures; asserts what the relay must keep (every event
 * once, each key in commit order), never a time. {@code -Diopcare.bench.events=100000} for the
 * full run; the suite's size keeps it to seconds.
 */
class RelayDrainBenchmarkIT extends IntakeIT {

    static final int EVENTS = Integer.getInteger("iopcare.bench.events", 5_000);
    static final int KEYS = 1_000;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxStore store;

    @Autowired
    OutboxProperties properties;

    @Autowired
    OutboxSignal signal;

    @Test
    void theRelayDrainsCommittedEventsInOrderPerKey() {
        String topic = "bench-relay-drain-" + UUID.randomUUID();
        String baselineTopic = topic + "-baseline";
        List<String> keys = new ArrayList<>(KEYS);
        for (int i = 0; i < KEYS; i++) {
            keys.add(UUID.randomUUID().toString());
        }
        double baseline = rawProducerRate(baselineTopic, keys);

        // A first event provisions the topic (partitions as the binder would), outside the timing.
        append(topic, keys, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.pendingCount() == 0);

        long started = System.nanoTime();
        append(topic, keys, EVENTS);
        signal.wake(); // as a commit through Outbox.append would
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> store.pendingCount() == 0);
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = EVENTS / seconds;

        Map<String, List<Integer>> byKey = new HashMap<>();
        Set<String> ids = new HashSet<>();
        int records = 0;
        try (KafkaConsumer<byte[], byte[]> reader = TestKafka.reader(topic)) {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (records < EVENTS + 1 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : TestKafka.poll(reader)) {
                    records++;
                    ids.add(TestKafka.header(record, "ce_id"));
                    String payload = new String(record.value(), StandardCharsets.UTF_8);
                    int n = Integer.parseInt(payload.substring(payload.indexOf(':') + 1, payload.indexOf(',')));
                    byKey.computeIfAbsent(new String(record.key(), StandardCharsets.UTF_8), k -> new ArrayList<>())
                            .add(n);
                }
            }
        }
        long outOfOrder = byKey.values().stream()
                .filter(sequence -> !sequence.stream().sorted().toList().equals(sequence))
                .count();
        System.out.printf(
                "[bench] relay drain: %,d events in %.2f s = %,.0f events/s (%d workers, batch %d, %d shards);"
                        + " raw producer acks=all %,.0f records/s; ratio %.2f (JDK %s)%n",
                EVENTS,
                seconds,
                rate,
                properties.workers(),
                properties.batchSize(),
                OutboxStore.SHARDS,
                baseline,
                rate / baseline,
                Runtime.version());
        System.out.printf(
                "[bench] relay drain: %,d records on the topic, %,d distinct events, %d keys out of order%n",
                records, ids.size(), outOfOrder);
        assertThat(ids).as("distinct events on the topic").hasSize(EVENTS + 1);
        assertThat(records).as("records on the topic (no crash, so none twice)").isEqualTo(EVENTS + 1);
        assertThat(outOfOrder)
                .as("keys whose events arrived out of commit order")
                .isZero();
    }

    /** {@code count} events in one transaction, spread over the keys; the payload carries the order. */
    private void append(String topic, List<String> keys, int count) {
        jdbc.update("""
                INSERT INTO outbox_event (event_id, topic, event_key, ce_type, ce_source, occurred_at, payload)
                SELECT gen_random_uuid(), ?, (?::text[])[1 + i % ?], 'org.iopcare.bench.drain.v1', '/iopcare/bench',
                       now(), '{"n":' || i || ',"padding":"' || repeat('x', 300) || '"}'
                FROM generate_series(1, ?) AS i
                """, topic, keys.toArray(String[]::new), keys.size(), count);
    }

    /** Records/s of a plain idempotent producer with the relay's settings, everything sent before awaiting. */
    private static double rawProducerRate(String topic, List<String> keys) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            byte[] value = ("{\"n\":0,\"padding\":\"" + "x".repeat(300) + "\"}").getBytes(StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>(topic, keys.get(0).getBytes(StandardCharsets.UTF_8), value))
                    .get();
            long started = System.nanoTime();
            List<Future<?>> acks = new ArrayList<>(EVENTS);
            for (int i = 1; i <= EVENTS; i++) {
                acks.add(producer.send(new ProducerRecord<>(
                        topic, keys.get(i % keys.size()).getBytes(StandardCharsets.UTF_8), value)));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
            return EVENTS / ((System.nanoTime() - started) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException("baseline producer failed", e);
        }
    }
}
