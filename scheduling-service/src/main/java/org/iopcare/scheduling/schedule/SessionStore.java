package org.iopcare.scheduling.schedule;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionModality;
import org.iopcare.scheduling.track.ProgramTrack;
import org.iopcare.support.db.TransactionLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Group sessions and client sessions. */
@Repository
class SessionStore {

    static final String SESSION_COLUMNS = "s.id, s.client_id, s.kind, s.group_session_id, s.clinician_id, s.plan_week,"
            + " s.starts_at, s.ends_at, s.time_zone, s.modality, s.status, s.attendance";

    private final JdbcClient jdbc;

    SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The group session of a meeting, created on first use and locked for roster changes. */
    GroupSession lockGroupSession(ProgramTrack track, ProgramTrack.Meeting meeting) {
        jdbc.sql("""
                        INSERT INTO group_session (id, track_code, local_date, starts_at, ends_at, time_zone, capacity, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'SCHEDULED') ON CONFLICT (track_code, local_date) DO NOTHING
                        """)
                .params(
                        UUID.randomUUID(),
                        track.code(),
                        Date.valueOf(meeting.date()),
                        Timestamp.from(meeting.startsAt()),
                        Timestamp.from(meeting.endsAt()),
                        track.zone().getId(),
                        track.capacity())
                .update();
        return jdbc.sql("""
                        SELECT id, track_code, local_date, starts_at, ends_at, capacity, status FROM group_session
                        WHERE track_code = ? AND local_date = ? FOR UPDATE
                        """)
                .params(track.code(), Date.valueOf(meeting.date()))
                .query(SessionStore::group)
                .single();
    }

    private static GroupSession group(ResultSet rs, int row) throws SQLException {
        return new GroupSession(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getDate(3).toLocalDate(),
                rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5).toInstant(),
                rs.getInt(6),
                rs.getString(7));
    }

    int rosterSize(UUID groupSessionId) {
        return jdbc.sql("SELECT count(*) FROM client_session WHERE group_session_id = ? AND status = 'SCHEDULED'")
                .param(groupSessionId)
                .query(Integer.class)
                .single();
    }

    /** Inserts the session unless the client already has that seat or planned week; true when inserted. */
    boolean insert(ClientSession session, Instant now) {
        return jdbc.sql("""
                        INSERT INTO client_session (id, client_id, kind, group_session_id, clinician_id, plan_week,
                                                    starts_at, ends_at, time_zone, modality, status, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?) ON CONFLICT DO NOTHING
                        """)
                        .params(
                                session.id(),
                                session.clientId(),
                                session.kind().name(),
                                session.groupSessionId(),
                                session.clinicianId(),
                                session.planWeek() == null ? null : Date.valueOf(session.planWeek()),
                                Timestamp.from(session.startsAt()),
                                Timestamp.from(session.endsAt()),
                                session.zone().getId(),
                                session.modality().name(),
                                Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean hasPlanned(UUID clientId, SessionKind kind, LocalDate week) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM client_session WHERE client_id = ? AND kind = ? AND plan_week = ?
                                       AND status <> 'CANCELLED')
                        """)
                .params(clientId, kind.name(), Date.valueOf(week))
                .query(Boolean.class)
                .single();
    }

    /** Scheduled sessions of a clinician or a client overlapping [from, to). */
    List<Interval> busy(String clinicianId, UUID clientId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT starts_at, ends_at FROM client_session
                        WHERE status = 'SCHEDULED' AND starts_at < ? AND ends_at > ?
                          AND (clinician_id = ? OR client_id = ?)
                        """)
                .params(Timestamp.from(to), Timestamp.from(from), clinicianId, clientId)
                .query((rs, i) -> new Interval(
                        rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
                .list();
    }

    /** Whether the clinician or the client has a scheduled session overlapping [from, to) besides this one. */
    boolean busyExcept(String clinicianId, UUID clientId, Instant from, Instant to, UUID sessionId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM client_session
                                       WHERE status = 'SCHEDULED' AND starts_at < ? AND ends_at > ? AND id <> ?
                                         AND (clinician_id = ? OR client_id = ?))
                        """)
                .params(Timestamp.from(to), Timestamp.from(from), sessionId, clinicianId, clientId)
                .query(Boolean.class)
                .single();
    }

    boolean onRoster(UUID groupSessionId, UUID clientId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM client_session
                                       WHERE group_session_id = ? AND client_id = ? AND status = 'SCHEDULED')
                        """)
                .params(groupSessionId, clientId)
                .query(Boolean.class)
                .single();
    }

    Optional<String> trackOf(UUID groupSessionId) {
        return jdbc.sql("SELECT track_code FROM group_session WHERE id = ?")
                .param(groupSessionId)
                .query(String.class)
                .optional();
    }

    /** Moves a session to its new time (and group or clinician); a confirmation of the old time no longer holds. */
    void move(ClientSession moved) {
        jdbc.sql("""
                        UPDATE client_session SET starts_at = ?, ends_at = ?, group_session_id = ?, clinician_id = ?,
                                                  time_zone = ?, modality = ?, confirmed_at = NULL
                        WHERE id = ?
                        """)
                .params(
                        Timestamp.from(moved.startsAt()),
                        Timestamp.from(moved.endsAt()),
                        moved.groupSessionId(),
                        moved.clinicianId(),
                        moved.zone().getId(),
                        moved.modality().name(),
                        moved.id())
                .update();
    }

    /** The client a session belongs to, to decide who may see or change it. */
    Optional<UUID> clientOf(UUID sessionId) {
        return jdbc.sql("SELECT client_id FROM client_session WHERE id = ?")
                .param(sessionId)
                .query(UUID.class)
                .optional();
    }

    Optional<ClientSession> lock(UUID id) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM client_session s WHERE s.id = ? FOR UPDATE")
                .param(id)
                .query(SessionStore::session)
                .optional();
    }

    /** A client's sessions still to take place from {@code from} on, locked. */
    List<ClientSession> lockUpcoming(UUID clientId, Instant from) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS
                        + " FROM client_session s WHERE s.client_id = ? AND s.status = 'SCHEDULED'"
                        + " AND s.attendance IS NULL AND s.starts_at >= ? ORDER BY s.starts_at FOR UPDATE")
                .params(clientId, Timestamp.from(from))
                .query(SessionStore::session)
                .list();
    }

    /** Scheduled sessions on the local days [first, last]: of one track's groups, or every session. */
    List<ClientSession> lockInClosure(String trackCode, LocalDate first, LocalDate last) {
        String sql = "SELECT " + SESSION_COLUMNS + " FROM client_session s"
                + " LEFT JOIN group_session g ON g.id = s.group_session_id"
                + " WHERE s.status = 'SCHEDULED' AND s.attendance IS NULL"
                + " AND (s.starts_at AT TIME ZONE s.time_zone)::date BETWEEN ? AND ?"
                + (trackCode == null ? "" : " AND g.track_code = ?")
                + " ORDER BY s.starts_at FOR UPDATE OF s";
        var statement = jdbc.sql(sql).param(Date.valueOf(first)).param(Date.valueOf(last));
        if (trackCode != null) {
            statement = statement.param(trackCode);
        }
        return statement.query(SessionStore::session).list();
    }

    void cancelGroupSessions(String trackCode, LocalDate first, LocalDate last) {
        jdbc.sql("""
                        UPDATE group_session SET status = 'CANCELLED'
                        WHERE local_date BETWEEN ? AND ? AND (CAST(? AS VARCHAR) IS NULL OR track_code = ?)
                        """)
                .params(Date.valueOf(first), Date.valueOf(last), trackCode, trackCode)
                .update();
    }

    /** Remembers which closure cancelled the sessions. */
    void markClosure(List<UUID> sessionIds, UUID closureId) {
        jdbc.sql("UPDATE client_session SET closure_id = ? WHERE id = ANY(?)")
                .params(closureId, sessionIds.toArray(UUID[]::new))
                .update();
    }

    /** The sessions a closure cancelled that have not started, locked, earliest first. */
    List<ClientSession> lockCancelledBy(UUID closureId, Instant now) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM client_session s WHERE s.closure_id = ?"
                        + " AND s.status = 'CANCELLED' AND s.starts_at > ? ORDER BY s.starts_at FOR UPDATE")
                .params(closureId, Timestamp.from(now))
                .query(SessionStore::session)
                .list();
    }

    /** Opens a closure's group sessions again, except those another closure still covers. */
    void reopenGroupSessions(String trackCode, LocalDate first, LocalDate last) {
        jdbc.sql("""
                        UPDATE group_session g SET status = 'SCHEDULED'
                        WHERE g.status = 'CANCELLED' AND g.local_date BETWEEN ? AND ?
                          AND (CAST(? AS VARCHAR) IS NULL OR g.track_code = ?)
                          AND NOT EXISTS (SELECT 1 FROM closure c WHERE (c.track_code IS NULL OR c.track_code = g.track_code)
                                          AND g.local_date BETWEEN c.first_day AND c.last_day)
                        """)
                .params(Date.valueOf(first), Date.valueOf(last), trackCode, trackCode)
                .update();
    }

    /** The track's group sessions still to start and not cancelled, locked, earliest first. */
    List<GroupSession> lockUpcomingGroupSessions(String trackCode, Instant now) {
        return jdbc.sql("""
                        SELECT id, track_code, local_date, starts_at, ends_at, capacity, status FROM group_session
                        WHERE track_code = ? AND status = 'SCHEDULED' AND starts_at > ? ORDER BY starts_at FOR UPDATE
                        """)
                .params(trackCode, Timestamp.from(now))
                .query(SessionStore::group)
                .list();
    }

    /** The seats of a group session still to be attended, locked. */
    List<ClientSession> lockRoster(UUID groupSessionId) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM client_session s WHERE s.group_session_id = ?"
                        + " AND s.status = 'SCHEDULED' AND s.attendance IS NULL FOR UPDATE")
                .param(groupSessionId)
                .query(SessionStore::session)
                .list();
    }

    /** A meeting at the track's new time (or with its new capacity). */
    void moveGroupSession(UUID id, ProgramTrack track, ProgramTrack.Meeting meeting) {
        jdbc.sql("UPDATE group_session SET starts_at = ?, ends_at = ?, time_zone = ?, capacity = ? WHERE id = ?")
                .params(
                        Timestamp.from(meeting.startsAt()),
                        Timestamp.from(meeting.endsAt()),
                        track.zone().getId(),
                        track.capacity(),
                        id)
                .update();
    }

    void cancelGroupSession(UUID id) {
        jdbc.sql("UPDATE group_session SET status = 'CANCELLED' WHERE id = ?")
                .param(id)
                .update();
    }

    /** A group session by id, locked for roster changes. */
    Optional<GroupSession> lockGroupSession(UUID id) {
        return jdbc.sql("""
                        SELECT id, track_code, local_date, starts_at, ends_at, capacity, status FROM group_session
                        WHERE id = ? FOR UPDATE
                        """).param(id).query(SessionStore::group).optional();
    }

    void cancel(UUID sessionId, CancellationReason reason) {
        jdbc.sql("UPDATE client_session SET status = 'CANCELLED', cancel_reason = ? WHERE id = ?")
                .params(reason.name(), sessionId)
                .update();
    }

    /** A client's sessions as staff see them, with confirmation and cancellation reason. */
    List<SessionView> viewsForClient(UUID clientId, Instant from, Instant to) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + ", s.confirmed_at, s.cancel_reason"
                        + " FROM client_session s WHERE s.client_id = ? AND s.starts_at >= ? AND s.starts_at < ?"
                        + " ORDER BY s.starts_at")
                .params(clientId, Timestamp.from(from), Timestamp.from(to))
                .query(SessionStore::view)
                .list();
    }

    Optional<SessionView> view(UUID id) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS
                        + ", s.confirmed_at, s.cancel_reason FROM client_session s WHERE s.id = ?")
                .param(id)
                .query(SessionStore::view)
                .optional();
    }

    private static SessionView view(ResultSet rs, int row) throws SQLException {
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        return SessionView.of(
                session(rs, row), confirmed == null ? null : confirmed.toInstant(), rs.getString("cancel_reason"));
    }

    /** Serialises bookings of one clinician until the transaction ends. */
    void lockClinician(String clinicianId) {
        TransactionLocks.lock(jdbc, "clinician:" + clinicianId);
    }

    static ClientSession session(ResultSet rs, int row) throws SQLException {
        Date week = rs.getDate("plan_week");
        return new ClientSession(
                rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class),
                SessionKind.valueOf(rs.getString("kind")),
                rs.getObject("group_session_id", UUID.class),
                rs.getString("clinician_id"),
                week == null ? null : week.toLocalDate(),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                ZoneId.of(rs.getString("time_zone")),
                SessionModality.valueOf(rs.getString("modality")),
                rs.getString("status"),
                rs.getString("attendance"));
    }
}
