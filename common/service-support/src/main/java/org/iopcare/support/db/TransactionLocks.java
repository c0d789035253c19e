package org.iopcare.support.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Named PostgreSQL advisory locks held until the current transaction ends: writers of the same
 * name queue, and each sees what the previous holder committed. Used where two consumer threads or
 * requests touching one client, session or clinician must not both commit blind to each other.
 */
public final class TransactionLocks {

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))::text";

    private TransactionLocks() {}

    /** Waits for the lock called {@code name}; call inside a transaction, before reading. */
    public static void lock(JdbcTemplate jdbc, String name) {
        jdbc.queryForObject(LOCK, String.class, name);
    }

    /** Waits for the lock called {@code name}; call inside a transaction, before reading. */
    public static void lock(JdbcClient jdbc, String name) {
        jdbc.sql(LOCK).param(name).query(String.class).single();
    }

    /** Waits for the lock called {@code name}; call with auto-commit off, before the work it guards. */
    public static void lock(Connection connection, String name) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setString(1, name);
            lock.execute();
        }
    }
}
