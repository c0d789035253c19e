package org.iopcare.scheduling.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.iopcare.scheduling.SchedulingIT;
import org.iopcare.testsupport.Infrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Measures one sweep with a million sessions in the table; prints the figure, asserts no timing. */
class SweepBenchmarkIT extends SchedulingIT {

    static final int ROWS = 1_000_000;
    static final int DUE = 200;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MissedSessionSweep sweep;

    @Test
    void oneSweepOverAMillionSessions() throws SQLException {
        sweep.sweepBatch(); // warm-up: first use of the code paths and connections, not measured
        long insertStarted = System.nanoTime();
        // A year of history with attendance recorded (what the table mostly holds), a few hundred
        // sessions due now, and upcoming ones; 1,000 clients.
        jdbc.update("""
                INSERT INTO client_session (id, client_id, kind, starts_at, ends_at, time_zone, modality, status,
                                            attendance, minutes_attended, created_at)
                SELECT gen_random_uuid(),
                       ('00000000-0000-4000-8000-' || lpad((i % 1000)::text, 12, '0'))::uuid,
                       'GROUP',
                       now() - make_interval(mins => (i - ?) * 5) - interval '3 hours',
                       now() - make_interval(mins => (i - ?) * 5),
                       'America/New_York', 'IN_PERSON', 'SCHEDULED',
                       CASE WHEN i > ? + ? THEN 'PRESENT' END,
                       CASE WHEN i > ? + ? THEN 180 END,
                       now()
                FROM generate_series(1, ?) AS i
                """, 20_000, 20_000, 20_000, DUE + 10, 20_000, DUE + 10, ROWS);
        // statistics are the owner's to gather; the service's runtime role may not
        try (Connection owner = Infrastructure.ownerConnection("scheduling");
                Statement analyze = owner.createStatement()) {
            analyze.execute("ANALYZE client_session");
        }
        long insertMillis = (System.nanoTime() - insertStarted) / 1_000_000;
        List<String> plan = jdbc.queryForList("""
                EXPLAIN SELECT id FROM client_session WHERE status = 'SCHEDULED' AND attendance IS NULL
                AND ends_at < now() - interval '15 minutes' ORDER BY ends_at LIMIT 500 FOR UPDATE SKIP LOCKED
                """, String.class);

        long claimStarted = System.nanoTime();
        jdbc.queryForList("""
                SELECT id FROM client_session WHERE status = 'SCHEDULED' AND attendance IS NULL
                AND ends_at < now() - interval '15 minutes' ORDER BY ends_at LIMIT 500
                """, Object.class);
        long claimMillis = (System.nanoTime() - claimStarted) / 1_000_000;
        long started = System.nanoTime();
        int swept = sweep.sweepBatch();
        long millis = (System.nanoTime() - started) / 1_000_000;

        long total = jdbc.queryForObject("SELECT count(*) FROM client_session", Long.class);
        System.out.printf(
                "[bench] sweep over 1,000,000 sessions: %d ms (%d sessions marked and published, %d rows in table, JDK %s)%n",
                millis, swept, total, Runtime.version());
        System.out.printf(
                "[bench] sweep's due-session query alone: %d ms; bulk insert of the million rows: %d ms%n",
                claimMillis, insertMillis);
        System.out.println("[bench] plan: " + String.join(" | ", plan));
        assertThat(String.join(" ", plan)).contains("client_session_awaiting_attendance");
        assertThat(total).isGreaterThanOrEqualTo(ROWS);
    }
}
