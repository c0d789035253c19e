package org.iopcare.support.messaging;

import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.iopcare.events.CloudEventHeaders;
import org.iopcare.support.outbox.PendingEvent;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The relay's producer: one idempotent producer (acks=all, at most five requests in flight per
 * connection, so retries never reorder a partition) configured from the Kafka binder's settings
 * ({@code spring.cloud.stream.kafka.binder.*}: brokers, {@code configuration},
 * {@code producer-properties}), so the relay and the bindings reach the same cluster with the same
 * credentials. The producer observation writes the record's {@code traceparent}, as the binder's
 * does. Where the binder provisions topics ({@code auto-create-topics}, the local run and the
 * tests), a topic the relay is first to use is created with the binder's partition count, so a
 * client's events never move partition.
 */
public class KafkaOutboxPublisher implements OutboxPublisher, DisposableBean {

    private static final String BINDER = "spring.cloud.stream.kafka.binder";

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;
    private final Map<String, Object> adminConfig;
    private final boolean provisionTopics;
    private final int partitions;
    private final short replicationFactor;
    private final Set<String> knownTopics = ConcurrentHashMap.newKeySet();

    public KafkaOutboxPublisher(Environment environment, ObservationRegistry observations) {
        Binder binder = Binder.get(environment);
        Map<String, Object> common =
                new HashMap<>(binder.bind(BINDER + ".configuration", Bindable.mapOf(String.class, String.class))
                        .orElse(Map.of()));
        List<String> brokers =
                binder.bind(BINDER + ".brokers", Bindable.listOf(String.class)).orElse(List.of("localhost"));
        common.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(
                        ",",
                        brokers.stream()
                                .map(broker -> broker.contains(":") ? broker : broker + ":9092")
                                .toList()));
        this.adminConfig = Map.copyOf(common);
        Map<String, Object> producer = new HashMap<>(common);
        producer.putAll(binder.bind(BINDER + ".producer-properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producers = new DefaultKafkaProducerFactory<>(producer);
        this.template = new KafkaTemplate<>(producers);
        template.setObservationEnabled(true);
        template.setObservationRegistry(observations);
        this.provisionTopics =
                binder.bind(BINDER + ".auto-create-topics", Boolean.class).orElse(true);
        this.partitions =
                binder.bind(BINDER + ".min-partition-count", Integer.class).orElse(1);
        this.replicationFactor =
                binder.bind(BINDER + ".replication-factor", Short.class).orElse((short) -1);
    }

    @Override
    public CompletableFuture<?> publish(PendingEvent event) {
        provision(event.topic());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                event.topic(), utf8(event.key()), event.payload().getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.ID, event.eventId().toString());
        header(record, CloudEventHeaders.TYPE, event.ceType());
        header(record, CloudEventHeaders.SOURCE, event.ceSource());
        header(record, CloudEventHeaders.TIME, event.occurredAt().toString());
        header(record, CloudEventHeaders.SUBJECT, event.key());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return template.send(record);
    }

    private void provision(String topic) {
        if (!provisionTopics || knownTopics.contains(topic)) {
            return;
        }
        try (Admin admin = Admin.create(adminConfig)) {
            NewTopic newTopic = new NewTopic(
                    topic,
                    Optional.of(partitions),
                    replicationFactor > 0 ? Optional.of(replicationFactor) : Optional.empty());
            admin.createTopics(List.of(newTopic)).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Could not create topic " + topic + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        }
        knownTopics.add(topic);
    }

    private static void header(ProducerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(name, utf8(value));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
