package org.iopcare.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.iopcare.intake.IntakeIT;
import org.iopcare.support.audit.AuditChain;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.Infrastructure;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Requests recorded at the same time queue for the chain's head one insert at a time: the chain
 * stays gapless and intact, and every request has its ACCESS and OUTCOME entry. Prints what an
 * entry costs; asserts no timing.
 */
class AuditConcurrencyIT extends IntakeIT {

    static final int THREADS = 8;
    static final int READS_EACH = 25;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditChain chain;

    @Test
    void concurrentReadsLeaveAGaplessIntactChain() throws Exception {
        String created = http.postJson("/api/inquiries", null, """
                        {"firstName":"Lee","lastName":"Park","email":"l.%s@example.org","preferredChannel":"EMAIL",
                         "contactConsent":true,"referralSource":"SELF"}
                        """.formatted(UUID.randomUUID()))
                .json()
                .get("id")
                .asString();
        String token = TestTokens.bearer(StaffRole.CLINICIAN);
        String run = "conc-" + UUID.randomUUID().toString().substring(0, 8);
        long firstSeq = jdbc.queryForObject("SELECT coalesce(max(chain_seq), 0) FROM audit_log", Long.class);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        try {
            List<Future<List<Integer>>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < READS_EACH; i++) {
                        statuses.add(send(
                                        "GET",
                                        "/api/inquiries/" + created,
                                        token,
                                        null,
                                        "X-Request-Id",
                                        run + "-" + thread + "-" + i)
                                .status());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> thread : threads) {
                assertThat(thread.get(120, TimeUnit.SECONDS)).containsOnly(200);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        int requests = THREADS * READS_EACH;
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_entry WHERE request_id LIKE ? AND status = 200",
                        Long.class,
                        run + "-%"))
                .isEqualTo(requests);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_log o JOIN audit_log a ON o.record_id = a.id"
                                + " WHERE o.kind = 'OUTCOME' AND a.request_id LIKE ?",
                        Long.class,
                        run + "-%"))
                .as("one OUTCOME per request")
                .isEqualTo(requests);
        assertThat(jdbc.queryForObject(
                        "SELECT max(chain_seq) - min(chain_seq) + 1 - count(*) FROM audit_log WHERE chain_seq > ?",
                        Long.class,
                        firstSeq))
                .as("no gap among the rows written meanwhile")
                .isZero();
        assertThat(jdbc.queryForObject("SELECT max(chain_seq) - count(*) FROM audit_log", Long.class))
                .isZero();
        AuditChain.Verification verification = chain.verify();
        assertThat(verification.intact()).as("%s", verification.firstBroken()).isTrue();

        System.out.printf(
                "audit chain: %d reads on %d threads in %.2f s (%.0f reads/s, 2 chained entries each)%n",
                requests, THREADS, seconds, requests / seconds);
    }

    @Test
    void whatOneEntryCosts() throws Exception {
        int entries = 500;
        double alone = insertMicros(entries);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        try {
            List<Future<Double>> sessions = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                sessions.add(pool.submit(() -> insertMicros(entries / 2)));
            }
            for (Future<Double> session : sessions) {
                session.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        double perSecond = THREADS * (entries / 2 + 50) / ((System.nanoTime() - started) / 1e9);
        System.out.printf(
                "audit chain: one chained entry (autocommit) %.0f µs alone; %d sessions at once %.0f entries/s;"
                        + " verifying %d rows %d ms%n",
                alone,
                THREADS,
                perSecond,
                jdbc.queryForObject("SELECT count(*) FROM audit_log", Long.class),
                verifyMillis());
        assertThat(chain.verify().intact()).isTrue();
        assertThat(jdbc.queryForObject("SELECT max(chain_seq) - count(*) FROM audit_log", Long.class))
                .isZero();
    }

    /** Inserts as the service does (one autocommit statement each); answers the mean in µs. */
    private static double insertMicros(int entries) throws SQLException {
        try (Connection runtime = Infrastructure.runtimeConnection("intake");
                PreparedStatement insert = runtime.prepareStatement("""
                        INSERT INTO audit_log (kind, actor, roles, action, http_method, path_pattern, path_ids,
                                               remote_addr, request_id)
                        VALUES ('ACCESS', 'cost-probe', 'ROLE_CLINICIAN', 'READ', 'GET', '/api/inquiries/{id}',
                                'id=' || gen_random_uuid(), '127.0.0.1', 'cost-probe')
                        """)) {
            for (int i = 0; i < 50; i++) {
                insert.executeUpdate(); // warm-up, not measured
            }
            long started = System.nanoTime();
            for (int i = 0; i < entries; i++) {
                insert.executeUpdate();
            }
            return (System.nanoTime() - started) / 1e3 / entries;
        }
    }

    private long verifyMillis() {
        long started = System.nanoTime();
        chain.verify();
        return (System.nanoTime() - started) / 1_000_000;
    }
}
