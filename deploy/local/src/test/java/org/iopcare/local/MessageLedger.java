package org.iopcare.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatch proof's oracle on notification-service's side: its messages and the states they went
 * through, read from its own tables with JDBC.
 */
final class MessageLedger {

    /**
     * One SMS acknowledgement as notification-service recorded it.
     *
     * @param id the message id, which the dispatcher sends as the provider's idempotency key
     * @param status its state now
     * @param detail the reason given with it (a failure's must not be empty)
     * @param providerId the provider's id for it, once sent
     * @param attempts how often it was handed to the provider
     * @param wasUnknown whether it was UNKNOWN at some point
     * @param requeued whether reconciliation found it absent at the provider and queued it again
     */
    record Sms(
            String id,
            String destination,
            String status,
            String detail,
            String providerId,
            int attempts,
            boolean wasUnknown,
            boolean requeued) {}

    private final String jdbcUrl;
    private final String password;

    MessageLedger(RunningPlatform platform) throws IOException {
        this.jdbcUrl = platform.jdbcUrl();
        this.password = Files.readString(platform.dataDir().resolve(Path.of("secrets", "notification.password")))
                .strip();
    }

    /** Acknowledgement SMS per state (QUEUED, SENT, UNKNOWN, ...). */
    Map<String, Long> statuses() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT status, count(*) FROM message WHERE kind = 'INQUIRY_ACKNOWLEDGEMENT'"
                                + " AND channel = 'SMS' GROUP BY status ORDER BY status")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    /** Every acknowledgement SMS with its state and whether it was ever UNKNOWN. */
    List<Sms> messages() throws SQLException {
        List<Sms> messages = new ArrayList<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT m.id, m.destination, m.status, m.status_detail, m.provider_message_id, m.attempts,
                            EXISTS (SELECT 1 FROM message_status_change c
                                    WHERE c.message_id = m.id AND c.status = 'UNKNOWN') AS was_unknown,
                            EXISTS (SELECT 1 FROM message_status_change c
                                    WHERE c.message_id = m.id AND c.status = 'QUEUED'
                                      AND c.detail LIKE 'reconciled:%') AS requeued
                        FROM message m WHERE m.kind = 'INQUIRY_ACKNOWLEDGEMENT' AND m.channel = 'SMS'""")) {
            while (rows.next()) {
                messages.add(new Sms(
                        rows.getString("id"),
                        rows.getString("destination"),
                        rows.getString("status"),
                        rows.getString("status_detail"),
                        rows.getString("provider_message_id"),
                        rows.getInt("attempts"),
                        rows.getBoolean("was_unknown"),
                        rows.getBoolean("requeued")));
            }
        }
        return messages;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "notification", password);
    }
}
