package org.iopcare.scheduling.attendance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

/**
 * The read models of attendance: who a session belongs to, a day's group sessions with their
 * rosters, a client's weekly minutes, and where a client stands for the weekly minimum (placement,
 * closed days, age group). Reads only; the commands that change attendance use {@link
 * AttendanceStore}.
 */
@Repository
class AttendanceViews {

    private final JdbcClient jdbc;

    AttendanceViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The client a session belongs to, to decide who may see or change it. */
    Optional<UUID> clientOf(UUID sessionId) {
        return jdbc.sql("SELECT client_id FROM client_session WHERE id = ?")
                .param(sessionId)
                .query(UUID.class)
                .optional();
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
                        Timestamp.from(
                                from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
                        Timestamp.from(
                                to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant()),
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
}
