package org.iopcare.support.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps {@code processed_event} bounded: claims older than the retention are deleted in batches,
 * every purge interval, by every instance (the deletes are idempotent, so no coordination is needed).
 */
public class ProcessedEventRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventRetention.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ConsumerProperties properties;
    private final Counter purged;
    private volatile ScheduledExecutorService timer;

    public ProcessedEventRetention(
            JdbcTemplate jdbc, Clock clock, ConsumerProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.purged = Counter.builder("iopcare.consumer.processed.purged")
                .description("Idempotency claims deleted after the retention")
                .register(meters);
    }

    /** Deletes the claims older than the retention; returns how many. */
    public int purge() {
        OffsetDateTime before =
                clock.instant().minus(properties.processedRetention()).atOffset(ZoneOffset.UTC);
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("""
                    DELETE FROM processed_event WHERE ctid IN (
                        SELECT ctid FROM processed_event WHERE processed_at < ? LIMIT ?)
                    """, before, properties.purgeBatchSize());
            total += deleted;
        } while (deleted == properties.purgeBatchSize());
        purged.increment(total);
        if (total > 0) {
            log.info("Purged {} idempotency claims older than {}", total, properties.processedRetention());
        }
        return total;
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            // The next interval tries again; claims only grow meanwhile.
            log.warn("Purging idempotency claims failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "processed-event-retention");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.purgeInterval().toMillis();
        executor.scheduleWithFixedDelay(this::purgeQuietly, interval, interval, TimeUnit.MILLISECONDS);
        timer = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = timer;
        timer = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
