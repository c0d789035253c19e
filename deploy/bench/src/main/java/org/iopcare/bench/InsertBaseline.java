package org.iopcare.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the local run's PostgreSQL does at its simplest: single-row INSERTs, autocommit, from
 * {@code threads} connections for {@code seconds}, into a table of a scratch schema created for the
 * run and dropped after it. No service schema is touched.
 */
final class InsertBaseline {

    private final Platform platform;
    private final int threads;
    private final double seconds;

    InsertBaseline(Platform platform, int threads, double seconds) {
        this.platform = platform;
        this.threads = threads;
        this.seconds = seconds;
    }

    /** Committed INSERTs per second over all threads. */
    double transactionsPerSecond() throws Exception {
        String schema = "bench_scratch_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = platform.connect();
                Statement ddl = admin.createStatement()) {
            ddl.execute("CREATE SCHEMA " + schema);
            try {
                ddl.execute("CREATE TABLE " + schema + ".row_insert (id BIGINT PRIMARY KEY, worker INT NOT NULL,"
                        + " created_at TIMESTAMPTZ NOT NULL DEFAULT now(), payload TEXT NOT NULL)");
                return measure(schema + ".row_insert");
            } finally {
                ddl.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private double measure(String table) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Future<Long>> counts = new ArrayList<>();
        long begin = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            counts.add(pool.submit(() -> insertUntil(table, worker, deadline)));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        System.out.printf(
                Locale.ROOT, "  INSERT baseline: %,d rows in %.1f s from %d threads%n", total, elapsed, threads);
        return total / elapsed;
    }

    private long insertUntil(String table, int worker, long deadline) throws SQLException {
        try (Connection connection = platform.connect();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + table + " (id, worker, payload) VALUES (?, ?, ?)")) {
            connection.setAutoCommit(true);
            long n = 0;
            String payload = "x".repeat(100);
            while (System.nanoTime() < deadline) {
                insert.setLong(1, ((long) worker << 40) + n);
                insert.setInt(2, worker);
                insert.setString(3, payload);
                insert.executeUpdate();
                n++;
            }
            return n;
        }
    }
}
