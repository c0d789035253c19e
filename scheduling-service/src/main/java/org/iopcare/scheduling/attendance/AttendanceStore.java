package org.iopcare.scheduling.attendance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.iopcare.support.caseload.Caseload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Attendance on client sessions, its corrections, and the reads of the attendance endpoints. */
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

    /** The client a session belongs to, to decide who may see or change it. */
    Optional<UUID> clientOf(UUID sessionId) {
        return jdbc.sql("SELECT client_id FROM client_session WHERE id = ?")
                .param(sessionId)
                .query(UUID.class)
                .optional();
    }

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

    /**
     * A group session and its roster.
     *
     * @param id group session id
     * @param trackCode track
     * @param date local date
     * @param startsAt start
     * @param endsAt end
     * @param status scheduled or cancelled
     * @param capacity seats
     * @param roster client ids with their attendance
     */
    record GroupView(
            UUID id,
            String trackCode,
            LocalDate date,
            Instant startsAt,
            Instant endsAt,
            String status,
            int capacity,
            List<RosterEntry> roster) {}

    /**
     * One seat.
     *
     * @param sessionId the client session
     * @param clientId the client
     * @param attendance recorded attendance
     * @param minutesAttended minutes
     */
    record RosterEntry(UUID sessionId, UUID clientId, String attendance, Integer minutesAttended) {}

    /**
     * The day's group sessions with the visible part of their rosters; when not every client is
     * visible, only the sessions a visible client sits in.
     */
    List<GroupView> groups(LocalDate date, String trackCode, Caseload.Visibility visible) {
        return jdbc
                .sql("""
                        SELECT g.id, g.track_code, g.local_date, g.starts_at, g.ends_at, g.status, g.capacity
                        FROM group_session g
                        WHERE g.local_date = ? AND (CAST(? AS VARCHAR) IS NULL OR g.track_code = ?)
                          AND (? OR EXISTS (SELECT 1 FROM client_session s WHERE s.group_session_id = g.id
                                            AND s.status = 'SCHEDULED' AND s.client_id = ANY(?)))
                        ORDER BY g.starts_at, g.track_code
                        """)
                .params(Date.valueOf(date), trackCode, trackCode, visible.all(), visible.clientArray())
                .query((rs, i) -> new GroupView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getDate(3).toLocalDate(),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        rs.getInt(7),
                        List.of()))
                .list()
                .stream()
                .map(g -> new GroupView(
                        g.id(),
                        g.trackCode(),
                        g.date(),
                        g.startsAt(),
                        g.endsAt(),
                        g.status(),
                        g.capacity(),
                        roster(g.id(), visible)))
                .toList();
    }

    private List<RosterEntry> roster(UUID groupId, Caseload.Visibility visible) {
        return jdbc.sql("""
                        SELECT id, client_id, attendance, minutes_attended FROM client_session
                        WHERE group_session_id = ? AND status = 'SCHEDULED' AND (? OR client_id = ANY(?))
                        ORDER BY client_id
                        """)
                .params(groupId, visible.all(), visible.clientArray())
                .query((rs, i) -> new RosterEntry(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), (Integer)
                                rs.getObject(4)))
                .list();
    }

    /**
     * One week of a client's attendance.
     *
     * @param weekStart Monday, in the sessions' zone
     * @param attendedMinutes minutes attended
     * @param scheduledMinutes minutes of all sessions not cancelled
     * @param stillScheduledMinutes minutes of sessions not yet held after {@code now}
     */
    record Week(LocalDate weekStart, int attendedMinutes, int scheduledMinutes, int stillScheduledMinutes) {}

    List<Week> weeks(UUID clientId, LocalDate from, LocalDate to, Instant now) {
        return jdbc.sql("""
                        SELECT date_trunc('week', starts_at AT TIME ZONE time_zone)::date AS week,
                               coalesce(sum(minutes_attended), 0),
                               coalesce(sum(extract(epoch FROM ends_at - starts_at) / 60), 0)::int,
                               coalesce(sum(CASE WHEN attendance IS NULL AND starts_at > ?
                                            THEN extract(epoch FROM ends_at - starts_at) / 60 END), 0)::int
                        FROM client_session
                        WHERE client_id = ? AND status = 'SCHEDULED'
                          AND starts_at >= ? AND starts_at < ?
                          AND (starts_at AT TIME ZONE time_zone)::date BETWEEN ? AND ?
                        GROUP BY week ORDER BY week
                        """)
                // the instant bounds (a day wider than any zone) let the (client_id, starts_at) index serve it
                .params(
                        Timestamp.from(now),
                        clientId,
                        Timestamp.from(from.minusDays(1)
                                .atStartOfDay(java.time.ZoneOffset.UTC)
                                .toInstant()),
                        Timestamp.from(to.plusDays(2)
                                .atStartOfDay(java.time.ZoneOffset.UTC)
                                .toInstant()),
                        Date.valueOf(from),
                        Date.valueOf(to))
                .query((rs, i) -> new Week(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .list();
    }

    /**
     * Where a client stands for the weekly minimum.
     *
     * @param status ACTIVE (holds a seat), WAITLISTED or ENDED
     * @param startDate the first day of their program
     * @param trackCode their track
     * @param meetingDays the track's meeting days
     * @param ageGroup ADULT or ADOLESCENT, which sets the weekly minimum
     */
    record Placement(
            String status, LocalDate startDate, String trackCode, Set<DayOfWeek> meetingDays, String ageGroup) {}

    Optional<Placement> placement(UUID clientId) {
        return jdbc.sql("""
                        SELECT s.status, s.start_date, s.track_code, coalesce(t.meeting_days, ''), s.age_group
                        FROM client_schedule s LEFT JOIN program_track t ON t.code = s.track_code
                        WHERE s.client_id = ?
                        """)
                .param(clientId)
                .query((rs, i) -> new Placement(
                        rs.getString(1),
                        rs.getDate(2).toLocalDate(),
                        rs.getString(3),
                        Arrays.stream(rs.getString(4).split(","))
                                .filter(day -> !day.isBlank())
                                .map(day -> DayOfWeek.valueOf(day.strip()))
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class))),
                        rs.getString(5)))
                .optional();
    }

    /** The days in [from, to] closed for the track or for the whole clinic. */
    Set<LocalDate> closedDays(String trackCode, LocalDate from, LocalDate to) {
        Set<LocalDate> closed = new TreeSet<>();
        jdbc.sql("""
                        SELECT greatest(first_day, ?), least(last_day, ?) FROM closure
                        WHERE (track_code IS NULL OR track_code = ?) AND first_day <= ? AND last_day >= ?
                        """)
                .params(Date.valueOf(from), Date.valueOf(to), trackCode, Date.valueOf(to), Date.valueOf(from))
                .query((rs, i) ->
                        List.of(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()))
                .list()
                .forEach(range ->
                        range.get(0).datesUntil(range.get(1).plusDays(1)).forEach(closed::add));
        return closed;
    }

    Optional<String> ageGroup(UUID clientId) {
        return jdbc.sql("SELECT age_group FROM client_schedule WHERE client_id = ?")
                .param(clientId)
                .query(String.class)
                .optional();
    }

    /** True the first time a week's shortfall is noted for the client. */
    boolean noteBelowMinimum(UUID clientId, LocalDate weekStart) {
        return jdbc.sql("INSERT INTO below_minimum_notice (client_id, week_start) VALUES (?, ?) ON CONFLICT DO NOTHING")
                        .params(clientId, Date.valueOf(weekStart))
                        .update()
                == 1;
    }
}
