package org.iopcare.support.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.iopcare.support.observability.TraceParents;
import org.iopcare.support.outbox.OutboxProperties;
import org.iopcare.support.outbox.OutboxSignal;
import org.iopcare.support.outbox.OutboxStore;
import org.iopcare.support.outbox.PendingEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Publishes committed outbox rows to Kafka and deletes each once the broker acknowledged it. The
 * outbox is worked in {@link OutboxStore#SHARDS} shards by client; a relay pass takes each shard
 * it can lock and publishes its rows in seq order, a batch at a time: every record of the batch is
 * handed to the producer first, then the acknowledgements are awaited together and the
 * acknowledged rows deleted in one statement. The idempotent producer keeps the records of a
 * partition in the order they were handed over, retries included, so a client's events leave in
 * commit order without a round trip per record. A failed record stays in the outbox, the shard's
 * pass ends and the relay backs off; while the broker is down REST requests keep committing.
 *
 * <p>Several workers per instance (and several instances) publish side by side, each shard held by
 * one of them at a time.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Longer than the producer's delivery.timeout.ms, after which it fails a record itself. */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final OutboxStore store;
    private final OutboxSignal signal;
    private final OutboxPublisher publisher;
    private final TransactionTemplate tx;
    private final OutboxProperties properties;
    private final Counter published;
    private final Counter failures;
    private final TraceParents traceParents;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    public OutboxRelay(
            OutboxStore store,
            OutboxSignal signal,
            OutboxPublisher publisher,
            TransactionTemplate tx,
            OutboxProperties properties,
            MeterRegistry meters) {
        this(store, signal, publisher, tx, properties, meters, TraceParents.none());
    }

    public OutboxRelay(
            OutboxStore store,
            OutboxSignal signal,
            OutboxPublisher publisher,
            TransactionTemplate tx,
            OutboxProperties properties,
            MeterRegistry meters,
            TraceParents traceParents) {
        this.traceParents = traceParents;
        this.store = store;
        this.signal = signal;
        this.publisher = publisher;
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

    /** Publishes what is pending now in every shard; returns how many events the broker acknowledged. */
    public int publishPending() {
        return publishPending(0);
    }

    /**
     * One pass over the shards that hold events, starting at {@code firstShard} so that workers
     * spread out. A shard that receives its first event after the look-up is left to the next pass,
     * which that event's commit wakes.
     */
    private int publishPending(int firstShard) {
        int total = 0;
        boolean stalled = false;
        boolean[] pending = new boolean[OutboxStore.SHARDS];
        store.pendingShards().forEach(shard -> pending[shard] = true);
        for (int i = 0; i < OutboxStore.SHARDS; i++) {
            int shard = (firstShard + i) % OutboxStore.SHARDS;
            if (!pending[shard]) {
                continue;
            }
            int batch;
            do {
                batch = publishBatch(shard);
                total += Math.max(batch, 0);
            } while (batch == properties.batchSize() && running());
            stalled |= batch < 0;
        }
        if (stalled) {
            throw new RelayStalledException();
        }
        return total;
    }

    /** Without started workers (a test driving the relay by hand) every pass runs to the end. */
    private boolean running() {
        return running || workers.isEmpty();
    }

    /**
     * One transaction: lock the shard, read a batch, hand every record over, await the
     * acknowledgements, delete the acknowledged. -1 when a record failed.
     */
    private int publishBatch(int shard) {
        Integer result = tx.execute(status -> {
            if (!store.tryLockShard(shard)) {
                return 0;
            }
            List<PendingEvent> batch = store.nextBatch(shard, properties.batchSize());
            List<CompletableFuture<?>> sent = new ArrayList<>(batch.size());
            for (PendingEvent event : batch) {
                try {
                    sent.add(send(event));
                } catch (RuntimeException e) {
                    // refused before it left (no metadata, buffer full): the rest would be refused too
                    sent.add(CompletableFuture.failedFuture(e));
                    break;
                }
            }
            List<Long> done = new ArrayList<>(sent.size());
            PendingEvent failed = null;
            Throwable failure = null;
            long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
            for (int i = 0; i < sent.size(); i++) {
                Throwable error = awaitAck(sent.get(i), deadline);
                if (error == null) {
                    done.add(batch.get(i).seq());
                } else if (failed == null) {
                    failed = batch.get(i);
                    failure = error;
                }
            }
            store.deletePublished(done);
            published.increment(done.size());
            if (failed != null) {
                failures.increment();
                // The exception text names topics and brokers, never payload content.
                store.recordFailure(failed.seq(), failure.getClass().getSimpleName() + ": " + failure.getMessage());
                log.warn(
                        "Outbox publish failed for event {} on {}: {}",
                        failed.eventId(),
                        failed.topic(),
                        failure.getClass().getSimpleName());
                return -1;
            }
            return done.size();
        });
        return result == null ? 0 : result;
    }

    /** Null once the broker acknowledged the record, else why it did not. */
    private static @Nullable Throwable awaitAck(CompletableFuture<?> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private CompletableFuture<?> send(PendingEvent event) {
        // The producer observation takes the current span as parent and writes its traceparent
        // header: the record continues the trace of the request that appended it.
        try (TraceParents.Resumed resumed = traceParents.resume(event.traceparent(), "outbox publish")) {
            return publisher.publish(event);
        }
    }

    private void runLoop(int firstShard) {
        // After a failed pass: 200 ms, doubling up to maxBackoff; a good pass starts the series again.
        ExponentialBackOff policy = new ExponentialBackOff(200, 2.0);
        policy.setMaxInterval(properties.maxBackoff().toMillis());
        BackOffExecution failures = null;
        long backoff = 0;
        while (running) {
            try {
                if (backoff == 0) {
                    signal.await(properties.pollInterval());
                } else {
                    Thread.sleep(backoff);
                }
                if (publishPending(firstShard) >= properties.batchSize()) {
                    // more than a batch was waiting: bring an idle worker in for what follows
                    signal.wake();
                }
                failures = null;
                backoff = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (failures == null) {
                    failures = policy.start();
                }
                backoff = failures.nextBackOff();
                if (!(e instanceof RelayStalledException)) {
                    log.warn(
                            "Outbox relay pass failed ({}); retrying in {} ms",
                            e.getClass().getSimpleName(),
                            backoff);
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < properties.workers(); i++) {
            int firstShard = i * OutboxStore.SHARDS / properties.workers();
            Thread worker = new Thread(() -> runLoop(firstShard), "outbox-relay-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread worker : workers) {
            worker.interrupt();
        }
        for (Thread worker : workers) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the bindings so a shutdown never cuts a batch in half. */
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
