package org.iopcare.support.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iopcare.events.CloudEventHeaders;
import org.iopcare.support.observability.TraceParents;
import org.iopcare.support.outbox.OutboxProperties;
import org.iopcare.support.outbox.OutboxSignal;
import org.iopcare.support.outbox.OutboxStore;
import org.iopcare.support.outbox.PendingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka in seq order, synchronously: a row is deleted only after
 * the broker acknowledged it, and the first failure stops the batch so nothing overtakes it.
 * While the broker is down the relay backs off and REST requests keep committing to the outbox.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final OutboxSignal signal;
    private final StreamBridge bridge;
    private final TransactionTemplate tx;
    private final OutboxProperties properties;
    private final Counter published;
    private final Counter failures;
    private final TraceParents traceParents;
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(
            OutboxStore store,
            OutboxSignal signal,
            StreamBridge bridge,
            TransactionTemplate tx,
            OutboxProperties properties,
            MeterRegistry meters) {
        this(store, signal, bridge, tx, properties, meters, TraceParents.none());
    }

    public OutboxRelay(
            OutboxStore store,
            OutboxSignal signal,
            StreamBridge bridge,
            TransactionTemplate tx,
            OutboxProperties properties,
            MeterRegistry meters,
            TraceParents traceParents) {
        this.traceParents = traceParents;
        this.store = store;
        this.signal = signal;
        this.bridge = bridge;
        this.tx = tx;
        this.properties = properties;
        this.published = Counter.builder("iopcare.outbox.published")
                .description("Events the broker acknowledged")
                .register(meters);
        this.failures = Counter.builder("iopcare.outbox.publish.failures")
                .description("Failed attempts to publish an outbox event")
                .register(meters);
        Gauge.builder("iopcare.outbox.pending", store, OutboxStore::pendingCount)
                .description("Committed events not yet acknowledged by the broker")
                .register(meters);
        Gauge.builder("iopcare.outbox.oldest.age", store, OutboxStore::oldestPendingAgeSeconds)
                .description("Age of the oldest pending event")
                .baseUnit("seconds")
                .register(meters);
    }

    /** Publishes what is pending now; returns how many events the broker acknowledged. */
    public int publishPending() {
        int total = 0;
        int batch;
        do {
            batch = publishBatch();
            total += Math.max(batch, 0);
        } while (batch == properties.batchSize());
        if (batch < 0) {
            throw new RelayStalledException();
        }
        return total;
    }

    /** One transaction: lock, read a batch, send each, delete the acknowledged. -1 on a failure. */
    private int publishBatch() {
        Integer result = tx.execute(status -> {
            if (!store.tryLockRelay()) {
                return 0;
            }
            List<PendingEvent> batch = store.nextBatch(properties.batchSize());
            List<Long> done = new ArrayList<>(batch.size());
            for (PendingEvent event : batch) {
                try {
                    send(event);
                    done.add(event.seq());
                } catch (RuntimeException e) {
                    failures.increment();
                    // The exception text names topics and brokers, never payload content.
                    store.recordFailure(event.seq(), e.getClass().getSimpleName() + ": " + e.getMessage());
                    store.deletePublished(done);
                    published.increment(done.size());
                    log.warn(
                            "Outbox publish failed for event {} on {}: {}",
                            event.eventId(),
                            event.topic(),
                            e.getClass().getSimpleName());
                    return -1;
                }
            }
            store.deletePublished(done);
            published.increment(done.size());
            return done.size();
        });
        return result == null ? 0 : result;
    }

    private void send(PendingEvent event) {
        // The binder's producer observation takes the current span as parent and writes its
        // traceparent header: the record continues the trace of the request that appended it.
        try (TraceParents.Resumed resumed = traceParents.resume(event.traceparent(), "outbox publish")) {
            sendNow(event);
        }
    }

    private void sendNow(PendingEvent event) {
        Message<byte[]> message = MessageBuilder.withPayload(event.payload().getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, event.key().getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.ID, event.eventId().toString())
                .setHeader(CloudEventHeaders.TYPE, event.ceType())
                .setHeader(CloudEventHeaders.SOURCE, event.ceSource())
                .setHeader(CloudEventHeaders.TIME, event.occurredAt().toString())
                .setHeader(CloudEventHeaders.SUBJECT, event.key())
                .setHeader(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE)
                .setHeader(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
                .build();
        if (!bridge.send(event.topic(), message)) {
            throw new IllegalStateException("Broker did not accept the record for " + event.topic());
        }
    }

    private void runLoop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                if (backoff.isZero()) {
                    signal.await(properties.pollInterval());
                } else {
                    Thread.sleep(backoff.toMillis());
                }
                publishPending();
                backoff = Duration.ZERO;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff = nextBackoff(backoff);
                if (!(e instanceof RelayStalledException)) {
                    log.warn(
                            "Outbox relay pass failed ({}); retrying in {}",
                            e.getClass().getSimpleName(),
                            backoff);
                }
            }
        }
    }

    private Duration nextBackoff(Duration current) {
        Duration next = current.isZero() ? Duration.ofMillis(200) : current.multipliedBy(2);
        return next.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : next;
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::runLoop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the bindings so a shutdown never cuts a send in half. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private static final class RelayStalledException extends RuntimeException {
        RelayStalledException() {
            super("outbox relay stopped at a failed event", null, false, false);
        }
    }
}
