package org.iopcare.scheduling.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.SessionKind;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.work.NewWorkItem;
import org.iopcare.support.work.Owner;
import org.iopcare.support.work.Priority;
import org.iopcare.support.work.WorkItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * scheduling's sources of work items (docs/scheduling-service.md, "Work items"). Each is raised in
 * the transaction that records its cause and closed, with an outcome code, in the one that
 * removes it:
 *
 * <ul>
 *   <li>a booking need (no clinician slot for an individual session or check-in): HIGH, the
 *       schedulers' queue, one per need, closed when the session is booked or the client
 *       discharged;
 *   <li>a client put on a track's waitlist: NORMAL, the schedulers' queue, one per stay on a
 *       waitlist, closed when the client gets a seat, leaves the waitlist or is discharged;
 *   <li>a client below the weekly attendance minimum while a make-up still fits in the week: HIGH,
 *       the primary clinician (the clinicians' queue without a care team), one per client and week,
 *       closed when the week's minimum is reached, the week ends or the client is discharged.
 * </ul>
 */
@Component
public class SchedulingWorkItems {

    public static final String BOOKING_NEED = "BOOKING_NEED";
    public static final String WAITLISTED = "WAITLISTED";
    public static final String BELOW_WEEKLY_MINIMUM = "BELOW_WEEKLY_MINIMUM";

    /** Outcome: the session of a booking need was booked. */
    public static final String BOOKED = "BOOKED";
    /** Outcome: a waitlisted client got a seat in the track. */
    public static final String SEATED = "SEATED";
    /** Outcome: a waitlisted client waits for another track now, or holds no place at all. */
    public static final String LEFT_WAITLIST = "LEFT_WAITLIST";
    /** Outcome: the week's attended minutes reached the minimum. */
    public static final String MINIMUM_REACHED = "MINIMUM_REACHED";
    /** Outcome: the week ended before its minimum was reached; no make-up is possible any more. */
    public static final String WEEK_ENDED = "WEEK_ENDED";
    /** Outcome of every kind: the client was discharged. */
    public static final String CLIENT_DISCHARGED = "CLIENT_DISCHARGED";

    private static final Logger log = LoggerFactory.getLogger(SchedulingWorkItems.class);
    private static final Duration NORMAL_DUE = Duration.ofDays(3);

    private final WorkItems items;
    private final Caseload caseload;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SchedulingWorkItems(WorkItems items, Caseload caseload, JdbcTemplate jdbc, Clock clock) {
        this.items = items;
        this.caseload = caseload;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A booking need was recorded (called once per need, when its row is inserted). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bookingNeeded(UUID needId, UUID clientId, SessionKind kind, ZoneId zone) {
        Instant now = clock.instant();
        items.raise(new NewWorkItem(
                clientId,
                BOOKING_NEED,
                Priority.HIGH,
                "NO_CLINICIAN_SLOT_" + kind.name(),
                Owner.queue(StaffRole.SCHEDULER),
                nextBusinessDay(now, zone),
                bookingNeedKey(needId)));
    }

    /** Booking needs were resolved: booked, or the client discharged. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bookingNeedsResolved(List<UUID> needIds, String outcome) {
        needIds.forEach(id -> items.resolve(bookingNeedKey(id), outcome));
    }

    /**
     * A client's place on a waitlist changed. A waitlist stay is named by its {@code waitlist_seq}:
     * a client keeps it while waiting for the same track and gets a new one for another track.
     *
     * @param previousSeq the stay before the change, if any
     * @param currentSeq the stay after it, if any
     * @param outcome why the previous stay ended, when it did
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void waitlistChanged(UUID clientId, Long previousSeq, Long currentSeq, String outcome) {
        if (previousSeq != null && !previousSeq.equals(currentSeq)) {
            items.resolve(waitlistKey(previousSeq), outcome);
        }
        if (currentSeq != null && !currentSeq.equals(previousSeq)) {
            items.raise(new NewWorkItem(
                    clientId,
                    WAITLISTED,
                    Priority.NORMAL,
                    "TRACK_FULL",
                    Owner.queue(StaffRole.SCHEDULER),
                    clock.instant().plus(NORMAL_DUE),
                    waitlistKey(currentSeq)));
        }
    }

    /** The client's week fell below the minimum while a make-up still fits in it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void belowMinimum(UUID clientId, LocalDate weekStart, ZoneId zone) {
        List<String> team = caseload.team(clientId);
        Owner owner = team.isEmpty() ? Owner.queue(StaffRole.CLINICIAN) : Owner.staff(team.get(0));
        items.raise(new NewWorkItem(
                clientId,
                BELOW_WEEKLY_MINIMUM,
                Priority.HIGH,
                "MAKE_UP_POSSIBLE",
                owner,
                nextBusinessDay(clock.instant(), zone),
                belowMinimumKey(clientId, weekStart)));
    }

    /** The client's week reached its minimum. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void minimumReached(UUID clientId, LocalDate weekStart) {
        items.resolve(belowMinimumKey(clientId, weekStart), MINIMUM_REACHED);
    }

    /** The client was discharged: their open below-minimum items close (the other kinds close by their rows). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void discharged(UUID clientId) {
        jdbc.queryForList("""
                        SELECT source_key FROM work_item
                        WHERE client_id = ? AND kind = ? AND state IN ('OPEN', 'ACKNOWLEDGED')
                        """, String.class, clientId, BELOW_WEEKLY_MINIMUM)
                .forEach(key -> items.resolve(key, CLIENT_DISCHARGED));
    }

    /**
     * Closes the below-minimum items whose week has ended (in the zone of the client's track) as
     * {@code WEEK_ENDED}, every {@code work-check-interval}; returns how many.
     */
    @Scheduled(
            fixedDelayString =
                    "#{@'iopcare.scheduling-org.iopcare.scheduling.config.SchedulingProperties'.workCheckInterval().toMillis()}",
            initialDelayString =
                    "#{@'iopcare.scheduling-org.iopcare.scheduling.config.SchedulingProperties'.workCheckInterval().toMillis()}")
    @Transactional
    public int closeEndedWeeks() {
        List<String> ended =
                jdbc.queryForList("""
                SELECT w.source_key FROM work_item w
                JOIN below_minimum_notice n ON n.client_id = w.client_id
                    AND w.source_key = 'attendance-below-minimum:' || n.client_id || ':'
                        || to_char(n.week_start, 'YYYY-MM-DD')
                JOIN client_schedule s ON s.client_id = n.client_id
                JOIN program_track t ON t.code = s.track_code
                WHERE w.kind = ? AND w.state IN ('OPEN', 'ACKNOWLEDGED')
                  AND ((n.week_start + 7)::timestamp AT TIME ZONE t.time_zone) <= ?
                LIMIT 500
                """, String.class, BELOW_WEEKLY_MINIMUM, Timestamp.from(clock.instant()));
        ended.forEach(key -> items.resolve(key, WEEK_ENDED));
        if (!ended.isEmpty()) {
            log.info("Closed {} below-minimum work items whose week ended", ended.size());
        }
        return ended.size();
    }

    /** One business day (Monday to Friday, in the clinic's zone) after {@code at}. */
    static Instant nextBusinessDay(Instant at, ZoneId zone) {
        ZonedDateTime time = at.atZone(zone).plusDays(1);
        while (time.getDayOfWeek() == DayOfWeek.SATURDAY || time.getDayOfWeek() == DayOfWeek.SUNDAY) {
            time = time.plusDays(1);
        }
        return time.toInstant();
    }

    static String bookingNeedKey(UUID needId) {
        return "booking-need:" + needId;
    }

    static String waitlistKey(long seq) {
        return "waitlisted:" + seq;
    }

    static String belowMinimumKey(UUID clientId, LocalDate weekStart) {
        return "attendance-below-minimum:" + clientId + ":" + weekStart;
    }
}
