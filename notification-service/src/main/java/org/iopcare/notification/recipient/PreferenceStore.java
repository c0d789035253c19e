package org.iopcare.notification.recipient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Clients' preferences and their history of changes (tables {@code client_preference[_change]}). */
@Repository
public class PreferenceStore {

    /** One change of a client's preferences: who, when, what (field names and codes). */
    public record Change(long version, String changedBy, Instant changedAt, String changes) {}

    private final JdbcTemplate jdbc;

    PreferenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The client's preferences; the defaults when never changed. */
    public ClientPreferences find(UUID clientId) {
        return jdbc
                .query("SELECT * FROM client_preference WHERE client_id = ?", PreferenceStore::row, clientId)
                .stream()
                .findFirst()
                .orElse(ClientPreferences.defaults(clientId));
    }

    /**
     * Stores {@code preferences} as version {@code expectedVersion + 1} if the stored version is
     * still {@code expectedVersion} (0: none stored); false when another change came first.
     */
    public boolean save(ClientPreferences preferences, long expectedVersion) {
        Object[] values = {
            preferences.channels() == null ? null : preferences.channels().name(),
            offsets(preferences.reminderOffsets()),
            preferences.weeklyDigest(),
            Optional.ofNullable(preferences.quietHours()).map(QuietHours::start).orElse(null),
            Optional.ofNullable(preferences.quietHours()).map(QuietHours::end).orElse(null),
            preferences.language(),
            expectedVersion + 1,
            preferences.changedBy(),
            Timestamp.from(preferences.changedAt()),
            preferences.clientId()
        };
        if (expectedVersion == 0) {
            return jdbc.update(
                            "INSERT INTO client_preference (channels, reminder_offsets, weekly_digest, quiet_start,"
                                    + " quiet_end, language, version, changed_by, changed_at, client_id)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (client_id) DO NOTHING",
                            values)
                    == 1;
        }
        Object[] update = Arrays.copyOf(values, values.length + 1);
        update[values.length] = expectedVersion;
        return jdbc.update(
                        "UPDATE client_preference SET channels = ?, reminder_offsets = ?, weekly_digest = ?,"
                                + " quiet_start = ?, quiet_end = ?, language = ?, version = ?, changed_by = ?,"
                                + " changed_at = ? WHERE client_id = ? AND version = ?",
                        update)
                == 1;
    }

    public void recordChange(UUID clientId, Change change) {
        jdbc.update(
                "INSERT INTO client_preference_change (client_id, version, changed_by, changed_at, changes)"
                        + " VALUES (?, ?, ?, ?, ?)",
                clientId,
                change.version(),
                change.changedBy(),
                Timestamp.from(change.changedAt()),
                change.changes());
    }

    /** The newest {@code limit} changes, newest first. */
    public List<Change> history(UUID clientId, int limit) {
        return jdbc.query(
                "SELECT version, changed_by, changed_at, changes FROM client_preference_change"
                        + " WHERE client_id = ? ORDER BY id DESC LIMIT ?",
                (rs, i) -> new Change(
                        rs.getLong("version"),
                        rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changes")),
                clientId,
                limit);
    }

    private static ClientPreferences row(ResultSet rs, int i) throws SQLException {
        String channels = rs.getString("channels");
        String offsets = rs.getString("reminder_offsets");
        LocalTime quietStart = rs.getObject("quiet_start", LocalTime.class);
        LocalTime quietEnd = rs.getObject("quiet_end", LocalTime.class);
        return new ClientPreferences(
                rs.getObject("client_id", UUID.class),
                channels == null ? null : ReminderChannels.valueOf(channels),
                offsets == null
                        ? null
                        : Arrays.stream(offsets.split(",")).map(Duration::parse).toList(),
                rs.getBoolean("weekly_digest"),
                quietStart == null || quietEnd == null ? null : new QuietHours(quietStart, quietEnd),
                rs.getString("language"),
                rs.getLong("version"),
                rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant());
    }

    private static @Nullable String offsets(@Nullable List<Duration> offsets) {
        return offsets == null ? null : offsets.stream().map(Duration::toString).collect(Collectors.joining(","));
    }
}
