package org.iopcare.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a scratch topic the relay published to from its beginning and checks it against what was
 * committed: every event present (by its CloudEvents id), each key's events in commit order (a
 * per-key sequence number in the payload), and how many arrived more than once.
 */
final class TopicAudit {

    /** What the topic held: distinct events, extra copies, and first arrivals out of their key's order. */
    record Findings(long distinct, long duplicates, long outOfOrder, long lost) {}

    private final String bootstrap;
    private final String topic;

    TopicAudit(String bootstrap, String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    static String payload(String key, int seq) {
        return "{\"bench\":\"relay-drain\",\"key\":\"" + key + "\",\"seq\":" + seq + "}";
    }

    Findings read(int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        Set<String> seen = new HashSet<>();
        Map<String, Integer> lastSeq = new HashMap<>();
        long duplicates = 0;
        long outOfOrder = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!atEnd(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String id = header(record, "ce_id");
                    if (!seen.add(id)) {
                        duplicates++;
                        continue;
                    }
                    String value = new String(record.value(), StandardCharsets.UTF_8);
                    String key = new String(record.key(), StandardCharsets.UTF_8);
                    int seq = Integer.parseInt(value.substring(value.lastIndexOf(':') + 1, value.length() - 1));
                    Integer previous = lastSeq.put(key, seq);
                    if (previous != null && seq < previous) {
                        outOfOrder++;
                    }
                }
            }
        }
        return new Findings(seen.size(), duplicates, outOfOrder, expected - seen.size());
    }

    private static boolean atEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new IllegalStateException("A record on " + record.topic() + " has no " + name + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
