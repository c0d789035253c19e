package org.iopcare.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Everything on intake's topics, read with a plain consumer from the beginning to the end offsets. */
final class TopicLog {

    private static final Pattern INQUIRY = Pattern.compile("\"inquiryId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern FROM = Pattern.compile("\"from\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"([A-Z_]+)\"");

    /**
     * One record as a consumer sees it.
     *
     * @param identity the event it carries, as {@link IntakeLedger} names it
     * @param timestamp the producer's time stamp: when the relay sent it
     */
    record Delivered(
            String topic, int partition, long offset, String key, String eventId, String identity, long timestamp) {}

    private TopicLog() {}

    static List<Delivered> read(String bootstrapServers, List<String> topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<Delivered> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topics + " to their end offsets within 120 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String payload = new String(record.value(), StandardCharsets.UTF_8);
                    String eventId = header(record, "ce_id");
                    records.add(new Delivered(
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            record.key(),
                            eventId != null ? eventId : group(EVENT_ID, payload),
                            identity(record.topic(), payload),
                            record.timestamp()));
                }
            }
        }
        return records;
    }

    static String identity(String topic, String payload) {
        String inquiry = group(INQUIRY, payload);
        if (topic.equals(IntakeLedger.STATUS_CHANGED)) {
            return IntakeLedger.statusChanged(inquiry, group(FROM, payload), group(TO, payload));
        }
        return IntakeLedger.received(inquiry);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String group(Pattern pattern, String payload) {
        Matcher matcher = pattern.matcher(payload);
        return matcher.find() ? matcher.group(1) : "?";
    }
}
