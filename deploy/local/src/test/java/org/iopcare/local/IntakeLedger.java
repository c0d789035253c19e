package org.iopcare.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The proofs' oracle: what intake committed, read from its own tables with JDBC. The outbox deletes
 * its rows once the broker acknowledged them, so the events are derived from the state they were
 * committed with: one {@code inquiry-received} per inquiry row, one {@code inquiry-status-changed}
 * per status change in the inquiry's history ({@code inquiry_note}).
 */
final class IntakeLedger {

    static final String RECEIVED = "inquiry-received";
    static final String STATUS_CHANGED = "inquiry-status-changed";

    /**
     * An event intake committed.
     *
     * @param topic where it must arrive
     * @param key its record key (the client id)
     * @param identity what identifies it in the payload (see {@link TopicLog})
     * @param at when it was committed, in the service's clock: the order per key
     */
    record Committed(String topic, String key, String identity, Instant at) {}

    private final String jdbcUrl;
    private final String password;

    IntakeLedger(RunningPlatform platform) throws IOException {
        this.jdbcUrl = platform.jdbcUrl();
        this.password = Files.readString(platform.dataDir().resolve(Path.of("secrets", "intake.password")))
                .strip();
    }

    static String received(String inquiryId) {
        return "received " + inquiryId;
    }

    static String statusChanged(String inquiryId, String from, String to) {
        return "status " + inquiryId + " " + from + ">" + to;
    }

    /** Every event whose state change is in the database, oldest first. */
    List<Committed> committed() throws SQLException {
        List<Committed> events = new ArrayList<>();
        try (Connection connection = connect()) {
            query(
                    connection,
                    "SELECT id, client_id, received_at FROM inquiry",
                    rows -> events.add(
                            new Committed(RECEIVED, rows.getString(2), received(rows.getString(1)), instant(rows, 3))));
            query(
                    connection,
                    "SELECT n.inquiry_id, i.client_id, n.from_status, n.to_status, n.written_at FROM inquiry_note n"
                            + " JOIN inquiry i ON i.id = n.inquiry_id WHERE n.to_status IS NOT NULL",
                    rows -> events.add(new Committed(
                            STATUS_CHANGED,
                            rows.getString(2),
                            statusChanged(rows.getString(1), rows.getString(3), rows.getString(4)),
                            instant(rows, 5))));
        }
        events.sort(java.util.Comparator.comparing(Committed::at));
        return events;
    }

    /** Inquiries received in {@code [from, to]}: the events committed in that window. */
    long inquiriesReceivedBetween(Instant from, Instant to) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT count(*) FROM inquiry WHERE received_at BETWEEN ? AND ?")) {
            statement.setTimestamp(1, Timestamp.from(from));
            statement.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Committed events the relay has not had acknowledged yet. */
    long outboxPending() throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM outbox_event");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "intake", password);
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private static void query(Connection connection, String sql, RowReader reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getTimestamp(column).toInstant();
    }
}
