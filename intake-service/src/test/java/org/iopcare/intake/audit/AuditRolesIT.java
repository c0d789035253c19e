package org.iopcare.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.iopcare.intake.IntakeIT;
import org.iopcare.support.audit.AuditChain;
import org.iopcare.support.db.SupportMigrations;
import org.iopcare.testsupport.Infrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service runs as a role that can read and append to its audit trail and nothing else there;
 * the schema's owner, which migrates, is refused every change by the triggers as well.
 */
class AuditRolesIT extends IntakeIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditChain chain;

    @Autowired
    Flyway flyway;

    @Autowired
    SupportMigrations migrations;

    private static void refused(Connection connection, String statement, String message) {
        assertThatThrownBy(() -> {
                    try (Statement s = connection.createStatement()) {
                        s.execute(statement);
                    }
                })
                .as(statement)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(message);
    }

    @Test
    void theServiceRunsAsItsRuntimeRoleAndMigratedAsTheOwner() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("intake_app");
        assertThat(jdbc.queryForObject(
                        "SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log'" + " AND schemaname = 'intake'",
                        String.class))
                .isEqualTo("intake");
        assertThat(jdbc.queryForList(
                        "SELECT privilege_type FROM information_schema.role_table_grants"
                                + " WHERE grantee = 'intake_app' AND table_schema = 'intake'"
                                + " AND table_name = 'audit_log' ORDER BY 1",
                        String.class))
                .containsExactly("INSERT", "SELECT");
        assertThat(jdbc.queryForList(
                        "SELECT privilege_type FROM information_schema.role_table_grants"
                                + " WHERE grantee = 'intake_app' AND table_schema = 'intake'"
                                + " AND table_name = 'inquiry' ORDER BY 1",
                        String.class))
                .containsExactly("DELETE", "INSERT", "SELECT", "UPDATE");
    }

    @Test
    void replicasStartingTogetherAllGrant() throws Exception {
        int replicas = 6;
        ExecutorService starts = Executors.newFixedThreadPool(replicas);
        try {
            for (int round = 0; round < 10; round++) {
                CyclicBarrier together = new CyclicBarrier(replicas);
                List<Future<?>> started = new ArrayList<>();
                for (int i = 0; i < replicas; i++) {
                    started.add(starts.submit(() -> {
                        together.await();
                        migrations.grant(flyway.getConfiguration());
                        return null;
                    }));
                }
                for (Future<?> start : started) {
                    start.get(60, TimeUnit.SECONDS); // a refused GRANT would surface here
                }
            }
        } finally {
            starts.shutdownNow();
        }
        theServiceRunsAsItsRuntimeRoleAndMigratedAsTheOwner();
    }

    @Test
    void theRuntimeRoleCannotChangeRemoveOrUnprotectTheTrail() throws SQLException {
        try (Connection runtime = Infrastructure.runtimeConnection("intake")) {
            refused(runtime, "TRUNCATE audit_log", "permission denied");
            refused(runtime, "UPDATE audit_log SET actor = 'someone-else'", "permission denied");
            refused(runtime, "DELETE FROM audit_log", "permission denied");
            refused(runtime, "DROP TRIGGER audit_log_chain ON audit_log", "must be owner");
            refused(runtime, "DROP TRIGGER audit_log_append_only ON audit_log", "must be owner");
            refused(runtime, "ALTER TABLE audit_log DISABLE TRIGGER USER", "must be owner");
            refused(runtime, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain", "must be owner");
            refused(runtime, "DROP TABLE audit_log", "must be owner");
            refused(
                    runtime,
                    "CREATE OR REPLACE FUNCTION audit_log_hash(prev_hash TEXT, r audit_log)"
                            + " RETURNS VARCHAR LANGUAGE sql AS $$ SELECT 'x' $$",
                    "permission denied for schema");
            refused(runtime, "CREATE TABLE intake.audit_shadow (id int)", "permission denied");
            refused(runtime, "DELETE FROM support_schema_history", "permission denied");
            refused(runtime, "DELETE FROM flyway_schema_history", "permission denied");
        }
    }

    @Test
    void theRuntimeRoleCannotForgeALinkOrItsTime() throws SQLException {
        long id;
        try (Connection runtime = Infrastructure.runtimeConnection("intake");
                Statement s = runtime.createStatement()) {
            try (ResultSet inserted = s.executeQuery("""
                    INSERT INTO audit_log (kind, actor, roles, action, http_method, path_pattern, path_ids,
                                           remote_addr, occurred_at, chain_seq, prev_hash, hash)
                    VALUES ('ACCESS', 'forger', 'ROLE_CLINICIAN', 'READ', 'GET', '/api/x', '', '127.0.0.1',
                            '2001-01-01T00:00:00Z', 1, repeat('0', 64), repeat('f', 64))
                    RETURNING id
                    """)) {
                inserted.next();
                id = inserted.getLong(1);
            }
        }
        assertThat(jdbc.queryForObject(
                        "SELECT chain_seq = coalesce((SELECT max(chain_seq) FROM audit_log WHERE id < ?), 0) + 1"
                                + " AND hash <> repeat('f', 64) AND occurred_at > now() - interval '1 minute'"
                                + " FROM audit_log WHERE id = ?",
                        Boolean.class,
                        id,
                        id))
                .as("the trigger set the link and the time, not the inserting session")
                .isTrue();
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void evenTheOwnerCannotChangeOrRemoveEntriesWhileTheTriggersStand() throws SQLException {
        try (Connection owner = Infrastructure.ownerConnection("intake")) {
            refused(owner, "UPDATE audit_log SET actor = 'someone-else'", "append-only");
            refused(owner, "DELETE FROM audit_log", "append-only");
            refused(owner, "TRUNCATE audit_log", "append-only");
        }
        assertThat(chain.verify().intact()).isTrue();
    }
}
