package org.iopcare.bench;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the local run's broker does at its simplest: one plain {@code KafkaProducer}, {@code
 * acks=all}, idempotent, 512-byte records with client-id-sized keys, sent as fast as it takes them
 * to a scratch topic (what {@code kafka-producer-perf-test} measures).
 */
final class ProducerBaseline {

    static final int RECORD_BYTES = 512;

    private final Platform platform;
    private final ScratchTopics topics;
    private final int records;

    ProducerBaseline(Platform platform, ScratchTopics topics, int records) {
        this.platform = platform;
        this.topics = topics;
        this.records = records;
    }

    /** Records per second acknowledged by all in-sync replicas. */
    double recordsPerSecond() throws Exception {
        String topic = topics.create("bench-producer");
        byte[] value = new byte[RECORD_BYTES];
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long begin = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = producer(platform.kafkaBootstrap(), Map.of())) {
            for (int i = 0; i < records; i++) {
                byte[] key = ("client-" + (i % 1000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, key, value), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        if (failure.get() != null || acknowledged.get() != records) {
            throw new IllegalStateException(
                    "The producer baseline lost records: " + acknowledged.get() + " of " + records, failure.get());
        }
        System.out.printf(
                Locale.ROOT, "  producer baseline: %,d records of %d B in %.1f s%n", records, RECORD_BYTES, elapsed);
        return records / elapsed;
    }

    static KafkaProducer<byte[], byte[]> producer(String bootstrap, Map<String, Object> extra) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.putAll(extra);
        return new KafkaProducer<>(properties);
    }
}
