package org.iopcare.support.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.iopcare.support.lifecycle.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps {@code processed_event} bounded: claims older than the retention are deleted in batches,
 * every purge interval, by every instance (the deletes are idempotent, so no coordination is needed).
 */
public class ProcessedEventRetention extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventRetention.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ConsumerProperties properties;
    private final Counter purged;

    public ProcessedEventRetention(
            JdbcTemplate jdbc, Clock clock, ConsumerProperties properties, MeterRegistry meters) {
        super("processed-event-retention", properties.purgeInterval());
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

    @Override
    protected void runOnce() {
        // claims only grow while a run fails; the next interval tries again
        purge();
    }

    @Override
    protected String description() {
        return "Purging idempotency claims";
    }
}
