package org.iopcare.support.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads and settles outbox rows for the relay; all calls run inside the relay's transaction. */
public class OutboxStore {

    /** Shards of the outbox; the number is fixed by the generated {@code shard} column (support V9). */
    public static final int SHARDS = 16;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String lockName;

    public OutboxStore(JdbcTemplate jdbc, Clock clock, String serviceName) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lockName = "outbox-relay:" + serviceName;
    }

    /**
     * Takes one shard's relay lock for the current transaction. One relay at a time publishes a
     * shard, which keeps each client's events in commit order; when its instance dies the session
     * ends, the lock is released and another relay carries on. The service-wide lock is held shared
     * beside it: relays of this design publish side by side, while a relay that takes it exclusively
     * (one that publishes the whole outbox in seq order, as before shards) waits for them all.
     */
    public boolean tryLockShard(int shard) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT pg_try_advisory_xact_lock_shared(hashtextextended(?, 0))
                   AND pg_try_advisory_xact_lock(hashtextextended(?, 0))
                """, Boolean.class, lockName, lockName + ":" + shard));
    }

    /**
     * The shards that hold events now, in one statement: a walk down the {@code (shard, seq)} index
     * that touches one entry per non-empty shard, however many events wait. A relay pass locks and
     * reads only these, so a commit that wakes the relay costs one shard's transaction rather than
     * one per shard.
     */
    public List<Integer> pendingShards() {
        return jdbc.queryForList("""
                WITH RECURSIVE pending (shard) AS (
                    (SELECT shard FROM outbox_event ORDER BY shard LIMIT 1)
                    UNION ALL
                    SELECT (SELECT o.shard FROM outbox_event o WHERE o.shard > p.shard ORDER BY o.shard LIMIT 1)
                    FROM pending p WHERE p.shard IS NOT NULL)
                SELECT shard FROM pending WHERE shard IS NOT NULL
                """, Integer.class);
    }

    /** The shard's oldest events, in commit order per client. */
    public List<PendingEvent> nextBatch(int shard, int limit) {
        return jdbc.query(
                """
                SELECT seq, event_id, topic, event_key, ce_type, ce_source, occurred_at, payload, traceparent
                FROM outbox_event WHERE shard = ? ORDER BY seq LIMIT ?
                """,
                (rs, i) -> new PendingEvent(
                        rs.getLong("seq"),
                        rs.getObject("event_id", java.util.UUID.class),
                        rs.getString("topic"),
                        rs.getString("event_key"),
                        rs.getString("ce_type"),
                        rs.getString("ce_source"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("payload"),
                        rs.getString("traceparent")),
                shard,
                limit);
    }

    public void deletePublished(List<Long> seqs) {
        if (!seqs.isEmpty()) {
            jdbc.update("DELETE FROM outbox_event WHERE seq = ANY (?)", (Object) seqs.toArray(Long[]::new));
        }
    }

    public void recordFailure(long seq, String error) {
        jdbc.update(
                "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE seq = ?",
                error.length() > 300 ? error.substring(0, 300) : error,
                seq);
    }

    public long pendingCount() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM outbox_event", Long.class);
        return count == null ? 0 : count;
    }

    public double oldestPendingAgeSeconds() {
        Timestamp oldest = jdbc.queryForObject("SELECT min(created_at) FROM outbox_event", Timestamp.class);
        if (oldest == null) {
            return 0;
        }
        return Duration.between(oldest.toInstant(), Instant.now(clock)).toMillis() / 1000.0;
    }
}
