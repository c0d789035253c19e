package org.iopcare.notification.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.events.SessionScheduled;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The client sessions projected from scheduling's events. Events of one session may arrive in any
 * order across topics: a cancellation or a miss is never undone by a late {@code session-scheduled}.
 */
@Repository
public class SessionStore {

    private final JdbcTemplate jdbc;

    SessionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a scheduled session; returns false when it was already cancelled or missed. */
    public boolean scheduled(SessionScheduled event, Instant now) {
        jdbc.update(
                """
                INSERT INTO client_session (session_id, client_id, kind, starts_at, ends_at, time_zone, modality,
                    status, updated_at, join_url)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?)
                ON CONFLICT (session_id) DO UPDATE SET kind = EXCLUDED.kind,
                    join_url = coalesce(client_session.join_url, EXCLUDED.join_url),
                    starts_at = CASE WHEN client_session.moved THEN client_session.starts_at ELSE EXCLUDED.starts_at END,
                    ends_at = CASE WHEN client_session.moved THEN client_session.ends_at ELSE EXCLUDED.ends_at END,
                    time_zone = EXCLUDED.time_zone, modality = EXCLUDED.modality,
                    updated_at = EXCLUDED.updated_at""",
                event.sessionId(),
                event.clientId(),
                event.kind().name(),
                Timestamp.from(event.startsAt()),
                Timestamp.from(event.endsAt()),
                event.timeZone(),
                event.modality().name(),
                Timestamp.from(now),
                event.joinUrl());
        return find(event.sessionId()).map(ClientSession::scheduled).orElse(false);
    }

    /**
     * Moves a session to its new time (staff rescheduled it). A move that arrives before the
     * session's schedule (another topic) is kept: the schedule then fills in the rest and keeps the
     * moved time. Returns false when the session is cancelled or missed here.
     */
    public boolean moved(UUID sessionId, UUID clientId, Instant startsAt, Instant endsAt, String joinUrl, Instant now) {
        jdbc.update(
                """
                INSERT INTO client_session (session_id, client_id, starts_at, ends_at, status, moved, updated_at,
                    join_url)
                VALUES (?, ?, ?, ?, 'SCHEDULED', true, ?, ?)
                ON CONFLICT (session_id) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
                    moved = true, updated_at = EXCLUDED.updated_at,
                    join_url = coalesce(EXCLUDED.join_url, client_session.join_url)
                WHERE client_session.status = 'SCHEDULED'""",
                sessionId,
                clientId,
                Timestamp.from(startsAt),
                Timestamp.from(endsAt),
                Timestamp.from(now),
                joinUrl);
        return find(sessionId).map(ClientSession::scheduled).orElse(false);
    }

    /** Marks a session CANCELLED or MISSED, creating the row when its schedule has not arrived yet. */
    public void ended(UUID sessionId, UUID clientId, Instant startsAt, String status, Instant now) {
        jdbc.update("""
                INSERT INTO client_session (session_id, client_id, starts_at, status, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (session_id) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at""", sessionId, clientId, Timestamp.from(startsAt), status, Timestamp.from(now));
    }

    public Optional<ClientSession> find(UUID sessionId) {
        return jdbc.query("SELECT * FROM client_session WHERE session_id = ?", SessionStore::row, sessionId).stream()
                .findFirst();
    }

    /** The client's scheduled sessions starting after {@code now}, earliest first. */
    public List<ClientSession> upcoming(UUID clientId, Instant now) {
        return jdbc.query(
                "SELECT * FROM client_session WHERE client_id = ? AND status = 'SCHEDULED' AND starts_at > ?"
                        + " ORDER BY starts_at",
                SessionStore::row,
                clientId,
                Timestamp.from(now));
    }

    /** The client's next scheduled, not cancelled session. */
    public Optional<ClientSession> next(UUID clientId, Instant now) {
        return upcoming(clientId, now).stream().findFirst();
    }

    /** Every session id of the client, for cancelling their reminders. */
    public List<UUID> sessionIds(UUID clientId) {
        return jdbc.queryForList("SELECT session_id FROM client_session WHERE client_id = ?", UUID.class, clientId);
    }

    private static ClientSession row(ResultSet rs, int i) throws SQLException {
        Timestamp ends = rs.getTimestamp("ends_at");
        return new ClientSession(
                rs.getObject("session_id", UUID.class),
                rs.getObject("client_id", UUID.class),
                rs.getString("kind"),
                rs.getTimestamp("starts_at").toInstant(),
                ends == null ? null : ends.toInstant(),
                rs.getString("time_zone"),
                rs.getString("modality"),
                rs.getString("status"),
                rs.getString("join_url"));
    }
}
