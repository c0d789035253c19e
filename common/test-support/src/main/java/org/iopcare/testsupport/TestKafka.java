package org.iopcare.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.iopcare.events.CloudEventHeaders;
import org.iopcare.events.EventType;
import org.iopcare.events.IntegrationEvent;
import tools.jackson.databind.json.JsonMapper;

/** Plays another service on the real broker: publishes events as a relay would, reads topics back. */
public final class TestKafka {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<byte[], byte[]> producer;

    private TestKafka() {}

    /** Publishes an event with the platform's key, headers and JSON payload. */
    public static void publish(IntegrationEvent event) {
        publishRaw(
                EventType.of(event).topic(),
                event.clientId().toString(),
                JSON.writeValueAsBytes(event),
                headers(event));
    }

    /** The CloudEvents headers a relay puts on an event. */
    public static Map<String, String> headers(IntegrationEvent event) {
        return headers(EventType.of(event), event.eventId(), event.clientId(), event.occurredAt());
    }

    private static Map<String, String> headers(EventType type, UUID eventId, UUID clientId, Instant time) {
        return Map.of(
                CloudEventHeaders.ID, eventId.toString(),
                CloudEventHeaders.TYPE, type.ceType(),
                CloudEventHeaders.SOURCE, type.source(),
                CloudEventHeaders.TIME, time.toString(),
                CloudEventHeaders.SUBJECT, clientId.toString(),
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE,
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    }

    /** Publishes a hand-made payload under a real event type's key and headers. */
    public static void publishRaw(EventType type, UUID eventId, UUID clientId, byte[] payload) {
        publishRaw(type.topic(), clientId.toString(), payload, headers(type, eventId, clientId, Instant.now()));
    }

    /** Publishes any bytes, for tests that feed a consumer records it must refuse. */
    public static void publishRaw(String topic, String key, byte[] value, Map<String, String> headers) {
        try {
            send(topic, key, value, headers).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Publishing to " + topic + " failed", e.getCause());
        }
    }

    /** Publishes many records on one producer and waits until the broker acknowledged them all. */
    public static void publishAll(List<IntegrationEvent> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        for (IntegrationEvent event : events) {
            EventType type = EventType.of(event);
            sent.add(send(type.topic(), event.clientId().toString(), JSON.writeValueAsBytes(event), headers(event)));
        }
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Publishing failed", e.getCause());
            }
        }
    }

    private static Future<RecordMetadata> send(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        return producer().send(record);
    }

    private static synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    Infrastructure.kafkaBootstrap(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class,
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.LINGER_MS_CONFIG,
                    5));
        }
        return producer;
    }

    /** A consumer reading a topic from its beginning, in a group of its own. */
    public static KafkaConsumer<byte[], byte[]> reader(String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** What one poll returned. */
    public static List<ConsumerRecord<byte[], byte[]>> poll(KafkaConsumer<byte[], byte[]> consumer) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static <T> T read(ConsumerRecord<byte[], byte[]> record, Class<T> type) {
        return JSON.readValue(record.value(), type);
    }
}
