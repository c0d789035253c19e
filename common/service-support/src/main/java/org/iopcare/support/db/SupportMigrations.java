package org.iopcare.support.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the service's own scripts, then the shared support tables (outbox, processed events,
 * audit trail) into the same schema with a separate history table, so the two version lines never
 * collide. Then, as the schema's owner, gives the service's runtime role what it needs and no more
 * (see {@link #grants}): on every start, so tables added by a migration are covered and a grant
 * changed by hand is put back. Replicas that start together take turns at the grants (a
 * transaction-scoped advisory lock per schema): PostgreSQL refuses a GRANT on an object another
 * transaction is granting on at the same moment ("tuple concurrently updated").
 */
public class SupportMigrations implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(SupportMigrations.class);

    static final String SUPPORT_LOCATION = "classpath:db/support";
    static final String SUPPORT_HISTORY_TABLE = "support_schema_history";
    static final String GRANT_LOCK_PREFIX = "iopcare.grants:";

    private final String runtimeRole;

    /** @param runtimeRole the login role the service's connection pool uses (spring.datasource.username) */
    public SupportMigrations(String runtimeRole) {
        this.runtimeRole = runtimeRole;
    }

    @Override
    public void migrate(Flyway flyway) {
        flyway.migrate();
        Flyway.configure(flyway.getConfiguration().getClassLoader())
                .configuration(flyway.getConfiguration())
                .locations(SUPPORT_LOCATION)
                .table(SUPPORT_HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        grant(flyway.getConfiguration());
    }

    /**
     * Gives the runtime role its privileges on the schema {@code configuration} migrates, as that
     * schema's owner; part of every {@link #migrate}. Safe to run from several replicas at once.
     */
    public void grant(Configuration configuration) {
        String schema = configuration.getDefaultSchema() != null
                ? configuration.getDefaultSchema()
                : configuration.getSchemas()[0];
        try (Connection c = configuration.getDataSource().getConnection();
                Statement s = c.createStatement()) {
            String owner;
            try (ResultSet user = s.executeQuery("SELECT current_user")) {
                user.next();
                owner = user.getString(1);
            }
            if (runtimeRole == null || runtimeRole.isBlank() || runtimeRole.equals(owner)) {
                log.warn(
                        "The service runs as the owner of schema {} ({}): it could change or remove its own audit"
                                + " trail. Give it a runtime role of its own (docs/operations.md).",
                        schema,
                        owner);
                return;
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                TransactionLocks.lock(c, GRANT_LOCK_PREFIX + schema);
                for (String statement : grants(schema, runtimeRole, configuration.getTable())) {
                    s.execute(statement);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
            log.info("Schema {}: privileges of runtime role {} applied", schema, runtimeRole);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot grant the runtime role " + runtimeRole + " its privileges on schema " + schema, e);
        }
    }

    /**
     * Reading and writing the service's tables and sequences; on the audit trail only reading and
     * appending; on the migration history only reading. The owner keeps DDL, the triggers and
     * TRUNCATE to itself.
     */
    static List<String> grants(String schema, String runtimeRole, String historyTable) {
        String s = identifier(schema);
        String role = identifier(runtimeRole);
        String history = s + "." + identifier(historyTable);
        String supportHistory = s + "." + identifier(SUPPORT_HISTORY_TABLE);
        return List.of(
                "GRANT USAGE ON SCHEMA " + s + " TO " + role,
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + s + " TO " + role,
                "GRANT USAGE ON ALL SEQUENCES IN SCHEMA " + s + " TO " + role,
                "REVOKE UPDATE, DELETE, TRUNCATE ON " + s + ".audit_log FROM " + role,
                "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON " + s + ".audit_entry, " + history + ", " + supportHistory
                        + " FROM " + role);
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
