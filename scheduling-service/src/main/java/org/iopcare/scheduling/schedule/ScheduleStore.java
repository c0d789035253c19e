package org.iopcare.scheduling.schedule;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.SessionKind;
import org.iopcare.scheduling.work.SchedulingWorkItems;
import org.iopcare.support.caseload.Caseload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Client schedules, the waitlist, closures, clinician availability and booking needs. */
@Repository
class ScheduleStore {

    private static final String SELECT =
            "SELECT client_id, track_code, status, start_date, clinician_id, age_group, scheduled_through"
                    + " FROM client_schedule";

    private final JdbcClient jdbc;
    private final SchedulingWorkItems work;

    ScheduleStore(JdbcClient jdbc, SchedulingWorkItems work) {
        this.jdbc = jdbc;
        this.work = work;
    }

    Optional<ClientSchedule> lock(UUID clientId) {
        return jdbc.sql(SELECT + " WHERE client_id = ? FOR UPDATE")
                .param(clientId)
                .query(ScheduleStore::schedule)
                .optional();
    }

    Optional<ClientSchedule> find(UUID clientId) {
        return jdbc.sql(SELECT + " WHERE client_id = ?")
                .param(clientId)
                .query(ScheduleStore::schedule)
                .optional();
    }

    /** Schedules that need building beyond {@code through}; a row another instance holds is skipped. */
    List<ClientSchedule> lockDueForExtension(LocalDate through, int limit) {
        return jdbc.sql(SELECT
                        + " WHERE status IN ('ACTIVE', 'WAITLISTED')"
                        + " AND (scheduled_through IS NULL OR scheduled_through < ?)"
                        + " ORDER BY client_id LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Date.valueOf(through), limit)
                .query(ScheduleStore::schedule)
                .list();
    }

    /**
     * Saves the schedule; a client put on a waitlist (or onto another track's) raises a work item,
     * and leaving a waitlist closes it.
     */
    void save(ClientSchedule schedule, Instant now) {
        Long previousSeq = jdbc.sql("SELECT waitlist_seq FROM client_schedule WHERE client_id = ?")
                .param(schedule.clientId())
                .query((rs, i) -> rs.getObject(1, Long.class))
                .optional()
                .orElse(null);
        Long seq = null;
        if (schedule.status() == ClientSchedule.Status.WAITLISTED) {
            // A client already waiting for this track keeps their place in line.
            seq = jdbc.sql("""
                            SELECT waitlist_seq FROM client_schedule
                            WHERE client_id = ? AND status = 'WAITLISTED' AND track_code = ?
                            """)
                    .params(schedule.clientId(), schedule.trackCode())
                    .query(Long.class)
                    .optional()
                    .orElseGet(() -> jdbc.sql("SELECT nextval('waitlist_seq')")
                            .query(Long.class)
                            .single());
        }
        jdbc.sql("""
                        INSERT INTO client_schedule (client_id, track_code, status, waitlist_seq, start_date,
                                                     clinician_id, age_group, scheduled_through, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (client_id) DO UPDATE SET track_code = excluded.track_code,
                            status = excluded.status, waitlist_seq = excluded.waitlist_seq,
                            start_date = excluded.start_date, clinician_id = excluded.clinician_id,
                            age_group = excluded.age_group, scheduled_through = excluded.scheduled_through,
                            updated_at = excluded.updated_at
                        """)
                .param(1, schedule.clientId())
                .param(2, schedule.trackCode())
                .param(3, schedule.status().name())
                .param(4, seq, java.sql.Types.BIGINT)
                .param(5, Date.valueOf(schedule.startDate()))
                .param(6, schedule.clinicianId())
                .param(7, schedule.ageGroup().name())
                .param(
                        8,
                        schedule.scheduledThrough() == null ? null : Date.valueOf(schedule.scheduledThrough()),
                        java.sql.Types.DATE)
                .param(9, Timestamp.from(now))
                .update();
        work.waitlistChanged(
                schedule.clientId(),
                previousSeq,
                seq,
                switch (schedule.status()) {
                    case ACTIVE -> SchedulingWorkItems.SEATED;
                    case ENDED -> SchedulingWorkItems.CLIENT_DISCHARGED;
                    case WAITLISTED -> SchedulingWorkItems.LEFT_WAITLIST;
                });
    }

    /** Records a transfer, replacing the client's earlier one. */
    void recordTransfer(UUID clientId, String previousTrack, String trackCode, LocalDate effective, Instant now) {
        jdbc.sql("""
                        INSERT INTO track_transfer (client_id, previous_track, track_code, effective_date, recorded_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (client_id) DO UPDATE SET previous_track = excluded.previous_track,
                            track_code = excluded.track_code, effective_date = excluded.effective_date,
                            recorded_at = excluded.recorded_at
                        """)
                .params(clientId, previousTrack, trackCode, Date.valueOf(effective), Timestamp.from(now))
                .update();
    }

    /** Forgets the client's transfer (a new enrollment plans from its own start date). */
    void forgetTransfer(UUID clientId) {
        jdbc.sql("DELETE FROM track_transfer WHERE client_id = ?")
                .param(clientId)
                .update();
    }

    /** The first day the client may sit in the track's groups, when they were transferred onto it. */
    Optional<LocalDate> transferredOnto(UUID clientId, String trackCode) {
        return jdbc.sql("SELECT effective_date FROM track_transfer WHERE client_id = ? AND track_code = ?")
                .params(clientId, trackCode)
                .query((rs, i) -> rs.getDate(1).toLocalDate())
                .optional();
    }

    int countActive(String trackCode) {
        return jdbc.sql("SELECT count(*) FROM client_schedule WHERE track_code = ? AND status = 'ACTIVE'")
                .param(trackCode)
                .query(Integer.class)
                .single();
    }

    /** Sets (or, with null, clears) the day a discharge dated ahead ends the schedule. */
    void endOn(UUID clientId, LocalDate day) {
        jdbc.sql("UPDATE client_schedule SET ends_on = ? WHERE client_id = ?")
                .param(1, day == null ? null : Date.valueOf(day), java.sql.Types.DATE)
                .param(2, clientId)
                .update();
    }

    /** The day a discharge dated ahead ends the client's schedule, if one does. */
    Optional<LocalDate> endsOn(UUID clientId) {
        return jdbc.sql("SELECT ends_on FROM client_schedule WHERE client_id = ? AND ends_on IS NOT NULL")
                .param(clientId)
                .query((rs, i) -> rs.getDate(1).toLocalDate())
                .optional();
    }

    /** Schedules whose discharge day has come in their track's zone, locked; rows another instance holds are skipped. */
    List<ClientSchedule> lockEndingBy(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT s.client_id, s.track_code, s.status, s.start_date, s.clinician_id, s.age_group,
                               s.scheduled_through
                        FROM client_schedule s JOIN program_track t ON t.code = s.track_code
                        WHERE s.ends_on IS NOT NULL AND s.status <> 'ENDED'
                          AND s.ends_on <= (CAST(? AS timestamptz) AT TIME ZONE t.time_zone)::date
                        ORDER BY s.client_id LIMIT ? FOR UPDATE OF s SKIP LOCKED
                        """)
                .params(Timestamp.from(now), limit)
                .query(ScheduleStore::schedule)
                .list();
    }

    /** The clients holding a seat in the track, locked. */
    List<ClientSchedule> lockSeated(String trackCode) {
        return jdbc.sql(SELECT + " WHERE track_code = ? AND status = 'ACTIVE' ORDER BY client_id FOR UPDATE")
                .param(trackCode)
                .query(ScheduleStore::schedule)
                .list();
    }

    Optional<ClientSchedule> firstWaiting(String trackCode) {
        return jdbc.sql(SELECT + " WHERE track_code = ? AND status = 'WAITLISTED' ORDER BY waitlist_seq LIMIT 1")
                .param(trackCode)
                .query(ScheduleStore::schedule)
                .optional();
    }

    /**
     * The track's waitlist in order.
     *
     * @param clientId who waits
     * @param position 1 for the first in line
     * @param startDate the start date they enrolled with
     */
    record WaitlistEntry(UUID clientId, int position, LocalDate startDate) {}

    /** The visible part of the track's waitlist; positions count everyone in line. */
    List<WaitlistEntry> waitlist(String trackCode, Caseload.Visibility visible) {
        return jdbc.sql("""
                        SELECT client_id, position, start_date FROM (
                            SELECT client_id, row_number() OVER (ORDER BY waitlist_seq) AS position, start_date
                            FROM client_schedule WHERE track_code = ? AND status = 'WAITLISTED') line
                        WHERE ? OR client_id = ANY(?) ORDER BY position
                        """)
                .params(trackCode, visible.all(), visible.clientArray())
                .query((rs, i) -> new WaitlistEntry(
                        rs.getObject(1, UUID.class), rs.getInt(2), rs.getDate(3).toLocalDate()))
                .list();
    }

    boolean closed(String trackCode, LocalDate day) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM closure WHERE (track_code IS NULL OR track_code = ?)
                                       AND ? BETWEEN first_day AND last_day)
                        """)
                .params(trackCode, Date.valueOf(day))
                .query(Boolean.class)
                .single();
    }

    /** Whether the whole program is closed that day (individual sessions do not happen either). */
    boolean closedForAll(LocalDate day) {
        return closed(null, day);
    }

    void addClosure(UUID id, String trackCode, LocalDate first, LocalDate last, String by, Instant now) {
        jdbc.sql(
                        "INSERT INTO closure (id, track_code, first_day, last_day, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, trackCode, Date.valueOf(first), Date.valueOf(last), by, Timestamp.from(now))
                .update();
    }

    List<AvailabilityWindow> availability(String clinicianId) {
        return jdbc.sql(
                        "SELECT day_of_week, local_start, local_end, time_zone FROM clinician_availability WHERE clinician_id = ?")
                .param(clinicianId)
                .query((rs, i) -> new AvailabilityWindow(
                        DayOfWeek.valueOf(rs.getString(1)),
                        rs.getTime(2).toLocalTime(),
                        rs.getTime(3).toLocalTime(),
                        ZoneId.of(rs.getString(4))))
                .list();
    }

    /** The clinician's time off, earliest first. */
    List<TimeOff> timeOff(String clinicianId) {
        return jdbc.sql(
                        "SELECT local_start, local_end, time_zone FROM clinician_time_off WHERE clinician_id = ? ORDER BY local_start")
                .param(clinicianId)
                .query((rs, i) -> new TimeOff(
                        rs.getTimestamp(1).toLocalDateTime(),
                        rs.getTimestamp(2).toLocalDateTime(),
                        ZoneId.of(rs.getString(3))))
                .list();
    }

    /** The open needs recorded against a clinician's availability, earliest week first. */
    List<BookingNeed> openNeedsOf(String clinicianId) {
        return jdbc.sql("""
                        SELECT client_id, kind, week_start, clinician_id FROM booking_need
                        WHERE clinician_id = ? AND resolved_at IS NULL ORDER BY week_start, created_at
                        """).param(clinicianId).query(ScheduleStore::need).list();
    }

    /**
     * A session no clinician slot was found for.
     *
     * @param clientId the client
     * @param kind individual therapy or check-in
     * @param weekStart Monday of the week it is needed in
     * @param clinicianId the clinician whose availability was full
     */
    record BookingNeed(UUID clientId, SessionKind kind, LocalDate weekStart, String clinicianId) {}

    /** Records the need; returns its id when it is new (a need already recorded for the week is kept). */
    Optional<UUID> addBookingNeed(BookingNeed need, Instant now) {
        return jdbc.sql("""
                        INSERT INTO booking_need (id, client_id, kind, week_start, clinician_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (client_id, kind, week_start) DO NOTHING
                        RETURNING id
                        """)
                .params(
                        UUID.randomUUID(),
                        need.clientId(),
                        need.kind().name(),
                        Date.valueOf(need.weekStart()),
                        need.clinicianId(),
                        Timestamp.from(now))
                .query(UUID.class)
                .optional();
    }

    /**
     * Records a need for a week whose session was booked before and is lost now (its clinician
     * changed): the week's resolved need, if any, gives way to an open one with a new id.
     */
    Optional<UUID> renewBookingNeed(BookingNeed need, Instant now) {
        jdbc.sql(
                        "DELETE FROM booking_need WHERE client_id = ? AND kind = ? AND week_start = ? AND resolved_at IS NOT NULL")
                .params(need.clientId(), need.kind().name(), Date.valueOf(need.weekStart()))
                .update();
        return addBookingNeed(need, now);
    }

    /** The client's open needs now wait for another clinician's slot. */
    void reassignOpenNeeds(UUID clientId, String clinicianId) {
        jdbc.sql("UPDATE booking_need SET clinician_id = ? WHERE client_id = ? AND resolved_at IS NULL")
                .params(clinicianId, clientId)
                .update();
    }

    List<BookingNeed> openBookingNeeds(Caseload.Visibility visible) {
        return jdbc.sql("""
                        SELECT client_id, kind, week_start, clinician_id FROM booking_need
                        WHERE resolved_at IS NULL AND (? OR client_id = ANY(?)) ORDER BY week_start, created_at
                        """)
                .params(visible.all(), visible.clientArray())
                .query(ScheduleStore::need)
                .list();
    }

    private static BookingNeed need(ResultSet rs, int row) throws SQLException {
        return new BookingNeed(
                rs.getObject(1, UUID.class),
                SessionKind.valueOf(rs.getString(2)),
                rs.getDate(3).toLocalDate(),
                rs.getString(4));
    }

    /** Resolves the client's open needs; returns their ids. */
    List<UUID> resolveBookingNeeds(UUID clientId, Instant now) {
        return jdbc.sql(
                        "UPDATE booking_need SET resolved_at = ? WHERE client_id = ? AND resolved_at IS NULL RETURNING id")
                .params(Timestamp.from(now), clientId)
                .query(UUID.class)
                .list();
    }

    /** Resolves the open need of that kind and week, if any; returns its id. */
    List<UUID> resolveBookingNeed(UUID clientId, SessionKind kind, LocalDate weekStart, Instant now) {
        return jdbc.sql("""
                        UPDATE booking_need SET resolved_at = ?
                        WHERE client_id = ? AND kind = ? AND week_start = ? AND resolved_at IS NULL
                        RETURNING id
                        """)
                .params(Timestamp.from(now), clientId, kind.name(), Date.valueOf(weekStart))
                .query(UUID.class)
                .list();
    }

    private static ClientSchedule schedule(ResultSet rs, int row) throws SQLException {
        Date through = rs.getDate("scheduled_through");
        return new ClientSchedule(
                rs.getObject("client_id", UUID.class),
                rs.getString("track_code"),
                ClientSchedule.Status.valueOf(rs.getString("status")),
                rs.getDate("start_date").toLocalDate(),
                rs.getString("clinician_id"),
                AgeGroup.valueOf(rs.getString("age_group")),
                through == null ? null : through.toLocalDate());
    }
}
