package org.iopcare.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.InquiryStatus;
import org.iopcare.events.InquiryStatusChanged;
import org.iopcare.events.Topics;
import org.iopcare.intake.IntakeIT;
import org.iopcare.support.messaging.OutboxPublisher;
import org.iopcare.support.messaging.OutboxRelay;
import org.iopcare.support.outbox.Outbox;
import org.iopcare.support.outbox.OutboxProperties;
import org.iopcare.support.outbox.OutboxSignal;
import org.iopcare.support.outbox.OutboxStore;
import org.iopcare.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several instances of a service relay the same outbox: besides the service's own relay, two more
 * relays (as a second and third instance would run them) publish concurrently while events are
 * appended. Each shard of the outbox is published by one relay at a time, so every event reaches
 * the broker exactly once (no crash here, so no at-least-once duplicate either) and each client's
 * events keep their commit order.
 */
class ConcurrentRelaysIT extends IntakeIT {

    private static final int CLIENTS = 40;
    private static final int EVENTS_PER_CLIENT = 25;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxStore store;

    @Autowired
    OutboxSignal signal;

    @Autowired
    OutboxPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    OutboxProperties properties;

    @Test
    void threeRelaysOnOneOutboxPublishEveryEventOnceInCommitOrderPerClient() throws Exception {
        List<UUID> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(UUID.randomUUID());
        }
        Map<UUID, List<UUID>> appended = new HashMap<>();
        clients.forEach(client -> appended.put(client, new ArrayList<>()));
        List<OutboxRelay> extraRelays = List.of(relay(), relay());
        AtomicBoolean appending = new AtomicBoolean(true);
        AtomicInteger extraPublished = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(extraRelays.size());
        long started = System.nanoTime();

        try (KafkaConsumer<byte[], byte[]> reader = TestKafka.reader(Topics.INQUIRY_STATUS_CHANGED)) {
            List<Future<?>> relays = new ArrayList<>();
            for (OutboxRelay relay : extraRelays) {
                relays.add(pool.submit(() -> {
                    while (appending.get() || store.pendingCount() > 0) {
                        extraPublished.addAndGet(relay.publishPending());
                    }
                    return null;
                }));
            }
            // Small transactions interleaving clients, as concurrent requests would commit them.
            for (int round = 0; round < EVENTS_PER_CLIENT; round++) {
                for (UUID client : clients) {
                    InquiryStatusChanged event = new InquiryStatusChanged(
                            UUID.randomUUID(),
                            Instant.now(),
                            client,
                            client,
                            InquiryStatus.NEW,
                            InquiryStatus.CONTACTED);
                    tx.executeWithoutResult(status -> outbox.append(event));
                    appended.get(client).add(event.eventId());
                }
            }
            appending.set(false);
            for (Future<?> relay : relays) {
                relay.get();
            }

            int total = CLIENTS * EVENTS_PER_CLIENT;
            Map<UUID, List<UUID>> received = new HashMap<>();
            Set<String> clientKeys = new HashSet<>();
            clients.forEach(client -> clientKeys.add(client.toString()));
            List<UUID> all = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : TestKafka.poll(reader)) {
                    String key = new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
                    if (clientKeys.contains(key)) {
                        UUID eventId = TestKafka.read(record, InquiryStatusChanged.class)
                                .eventId();
                        all.add(eventId);
                        received.computeIfAbsent(UUID.fromString(key), k -> new ArrayList<>())
                                .add(eventId);
                    }
                }
                return all.size() >= total;
            });
            // Anything beyond the expected count would be a second publication: give it a moment to show.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : TestKafka.poll(reader)) {
                    if (clientKeys.contains(new String(record.key(), java.nio.charset.StandardCharsets.UTF_8))) {
                        all.add(TestKafka.read(record, InquiryStatusChanged.class)
                                .eventId());
                    }
                }
                return true;
            });

            long duplicates = all.size() - new HashSet<>(all).size();
            long outOfOrder = clients.stream()
                    .filter(client -> !appended.get(client).equals(received.get(client)))
                    .count();
            System.out.printf(
                    "[proof] concurrent relays: 3 relays, %d events for %d clients, %d published by the two extra"
                            + " relays, %d received, %d duplicates, %d clients out of order, %.1f s%n",
                    total,
                    CLIENTS,
                    extraPublished.get(),
                    all.size(),
                    duplicates,
                    outOfOrder,
                    (System.nanoTime() - started) / 1e9);
            assertThat(duplicates).isZero();
            assertThat(all).hasSize(total);
            assertThat(outOfOrder).isZero();
            assertThat(store.pendingCount()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    private OutboxRelay relay() {
        return new OutboxRelay(store, signal, publisher, tx, properties, new SimpleMeterRegistry());
    }
}
