package org.iopcare.scheduling.attendance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The commands' side of attendance: locks the sessions a recording or the sweep changes, records
 * attendance and its corrections, confirmations and the weekly-minimum notices, and reads the
 * history a miss is counted against. The views read through {@link AttendanceViews}.
 */
@Repository
class AttendanceStore {

    private final JdbcClient jdbc;

    AttendanceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A client session as attendance sees it.
     *
     * @param id session id
     * @param clientId client
     * @param startsAt start
     * @param endsAt end
     * @param timeZone zone
     * @param attendance recorded attendance, null while none
     * @param lateMinutes minutes late
     * @param minutesAttended minutes attended
     * @param missedPublished whether {@code session-missed} went out for it
     */
    record Row(
            UUID id,
            UUID clientId,
            Instant startsAt,
            Instant endsAt,
            String timeZone,
            Attendance attendance,
            Integer lateMinutes,
            Integer minutesAttended,
            boolean missedPublished) {}

    private static final String ROW = "SELECT id, client_id, starts_at, ends_at, time_zone, attendance, late_minutes,"
            + " minutes_attended, missed_published FROM client_session";

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String attendance = rs.getString(6);
        return new Row(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5),
                attendance == null ? null : Attendance.valueOf(attendance),
                (Integer) rs.getObject(7),
                (Integer) rs.getObject(8),
                rs.getBoolean(9));
    }

    /**
     * A session that takes its own attendance (individual therapy, check-in), as attendance sees it.
     *
     * @param row the session
     * @param groupSessionId the group session it is a seat of; null for an individual session
     * @param status scheduled or cancelled
     */
    record Single(Row row, UUID groupSessionId, String status) {}

    /** One session, locked until the transaction ends. */
    Optional<Single> lockSession(UUID id) {
        return jdbc.sql(ROW.replace(" FROM client_session", ", group_session_id, status FROM client_session")
                        + " WHERE id = ? FOR UPDATE")
                .param(id)
                .query((rs, i) -> new Single(row(rs, i), rs.getObject(10, UUID.class), rs.getString(11)))
                .optional();
    }

    /**
     * A group session's times.
     *
     * @param id its id
     * @param startsAt start
     * @param status scheduled or cancelled
     */
    record Group(UUID id, Instant startsAt, String status) {}

    Optional<Group> group(UUID id) {
        return jdbc.sql("SELECT id, starts_at, status FROM group_session WHERE id = ?")
                .param(id)
                .query((rs, i) -> new Group(
                        rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .optional();
    }

    List<Row> lockRoster(UUID groupSessionId) {
        return jdbc.sql(ROW + " WHERE group_session_id = ? AND status = 'SCHEDULED' ORDER BY client_id FOR UPDATE")
                .param(groupSessionId)
                .query(AttendanceStore::row)
                .list();
    }

    /** Sessions due for the sweep, oldest first; rows another instance holds are skipped. */
    List<Row> lockDue(Instant endedBefore, int limit) {
        return jdbc.sql(ROW + " WHERE status = 'SCHEDULED' AND attendance IS NULL AND ends_at < ?"
                        + " ORDER BY ends_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Timestamp.from(endedBefore), limit)
                .query(AttendanceStore::row)
                .list();
    }

    void record(
            UUID id,
            Attendance attendance,
            Integer lateMinutes,
            int minutes,
            boolean missedPublished,
            String by,
            Instant now) {
        jdbc.sql("""
                        UPDATE client_session SET attendance = ?, late_minutes = ?, minutes_attended = ?,
                               missed_published = ?, recorded_by = ?, recorded_at = ? WHERE id = ?
                        """)
                .param(1, attendance.name())
                .param(2, lateMinutes, java.sql.Types.INTEGER)
                .param(3, minutes)
                .param(4, missedPublished, java.sql.Types.BOOLEAN)
                .param(5, by)
                .param(6, Timestamp.from(now))
                .param(7, id)
                .update();
    }

    void correction(UUID id, Attendance previous, Attendance corrected, String by, Instant now) {
        jdbc.sql("""
                        INSERT INTO attendance_correction (session_id, previous, corrected, corrected_by, corrected_at)
                        VALUES (?, ?, ?, ?, ?)
                        """)
                .params(id, previous.name(), corrected.name(), by, Timestamp.from(now))
                .update();
    }

    /** The client's sessions with attendance up to {@code until}, newest first (enough for 14 days). */
    List<MissCounter.Past> history(UUID clientId, Instant until) {
        return jdbc.sql("""
                        SELECT starts_at, attendance FROM client_session
                        WHERE client_id = ? AND attendance IS NOT NULL AND status = 'SCHEDULED' AND starts_at <= ?
                        ORDER BY starts_at DESC LIMIT 200
                        """)
                .params(clientId, Timestamp.from(until))
                .query((rs, i) ->
                        new MissCounter.Past(rs.getTimestamp(1).toInstant(), Attendance.valueOf(rs.getString(2))))
                .list();
    }

    void confirm(UUID sessionId, UUID clientId, Instant at) {
        jdbc.sql("UPDATE client_session SET confirmed_at = ? WHERE id = ? AND client_id = ? AND confirmed_at IS NULL")
                .params(Timestamp.from(at), sessionId, clientId)
                .update();
    }

    /** True the first time a week's shortfall is noted for the client. */
    boolean noteBelowMinimum(UUID clientId, LocalDate weekStart) {
        return jdbc.sql("INSERT INTO below_minimum_notice (client_id, week_start) VALUES (?, ?) ON CONFLICT DO NOTHING")
                        .params(clientId, Date.valueOf(weekStart))
                        .update()
                == 1;
    }
}
