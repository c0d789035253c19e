package org.iopcare.scheduling.attendance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iopcare.support.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a whole group's attendance in one call and fans it out to each client's session, or one
 * individual session's or check-in's.
 * Recording the same thing again changes nothing; recording something else keeps the previous
 * value, who changed it and when in {@code attendance_correction}.
 */
@Service
class AttendanceRecorder {

    /**
     * One client's attendance.
     *
     * @param clientId the client on the roster
     * @param attendance present, late, excused or absent
     * @param lateMinutes how late, for {@code LATE}
     * @param minutesAttended minutes attended; defaults to the session length (less lateness) when
     *     present or late, 0 otherwise
     */
    record Entry(UUID clientId, Attendance attendance, Integer lateMinutes, Integer minutesAttended) {}

    private final AttendanceStore store;
    private final MissPublisher misses;
    private final BelowMinimumProjection projection;
    private final Clock clock;

    AttendanceRecorder(AttendanceStore store, MissPublisher misses, BelowMinimumProjection projection, Clock clock) {
        this.store = store;
        this.misses = misses;
        this.projection = projection;
        this.clock = clock;
    }

    /** @return how many sessions changed */
    @Transactional
    int recordGroup(UUID groupSessionId, List<Entry> entries, String actor) {
        Instant now = clock.instant();
        AttendanceStore.Group group =
                store.group(groupSessionId).orElseThrow(() -> ProblemException.notFound("Group session"));
        if (now.isBefore(group.startsAt())) {
            throw ProblemException.unprocessable(
                    "session-not-started", "Attendance is taken once the session has started");
        }
        if (!"SCHEDULED".equals(group.status())) {
            throw ProblemException.unprocessable("session-cancelled", "The group session was cancelled");
        }
        Map<UUID, AttendanceStore.Row> roster = new HashMap<>();
        store.lockRoster(groupSessionId).forEach(row -> roster.put(row.clientId(), row));
        int changed = 0;
        for (Entry entry : entries) {
            AttendanceStore.Row row = roster.get(entry.clientId());
            if (row == null) {
                throw ProblemException.unprocessable("not-on-roster", "Every client must be on the group's roster");
            }
            if (apply(row, entry, actor, now)) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Attendance of one individual session or check-in: without it, a session the client attended
     * would be swept as a no-show (and the client sent a missed-session message).
     *
     * @return whether the session changed
     */
    @Transactional
    boolean recordSession(
            UUID sessionId, Attendance attendance, Integer lateMinutes, Integer minutesAttended, String actor) {
        Instant now = clock.instant();
        AttendanceStore.Single single =
                store.lockSession(sessionId).orElseThrow(() -> ProblemException.notFound("Session"));
        if (single.groupSessionId() != null) {
            throw ProblemException.unprocessable(
                    "group-attendance", "A group session's attendance is recorded for the whole group");
        }
        if (!"SCHEDULED".equals(single.status())) {
            throw ProblemException.unprocessable("session-cancelled", "The session was cancelled");
        }
        if (now.isBefore(single.row().startsAt())) {
            throw ProblemException.unprocessable(
                    "session-not-started", "Attendance is taken once the session has started");
        }
        AttendanceStore.Row row = single.row();
        return apply(row, new Entry(row.clientId(), attendance, lateMinutes, minutesAttended), actor, now);
    }

    private boolean apply(AttendanceStore.Row row, Entry entry, String actor, Instant now) {
        if (entry.attendance() == Attendance.NO_SHOW) {
            throw ProblemException.unprocessable("no-show-is-the-sweeps", "NO_SHOW is set by the sweep; record ABSENT");
        }
        int length = (int) Duration.between(row.startsAt(), row.endsAt()).toMinutes();
        Integer late = entry.attendance() == Attendance.LATE
                ? (entry.lateMinutes() == null ? 0 : Math.min(entry.lateMinutes(), length))
                : null;
        int minutes = entry.minutesAttended() != null
                ? Math.min(entry.minutesAttended(), length)
                : switch (entry.attendance()) {
                    case PRESENT -> length;
                    case LATE -> length - late;
                    default -> 0;
                };
        if (entry.attendance() == row.attendance()
                && java.util.Objects.equals(late, row.lateMinutes())
                && Integer.valueOf(minutes).equals(row.minutesAttended())) {
            return false;
        }
        if (row.attendance() != null) {
            store.correction(row.id(), row.attendance(), entry.attendance(), actor, now);
        }
        boolean publishMiss = entry.attendance().isMiss() && !row.missedPublished();
        // A published miss that staff now record as attended or excused is withdrawn; should it
        // become a miss again later, it is published again.
        boolean withdrawMiss = row.missedPublished() && !entry.attendance().isMiss();
        store.record(
                row.id(),
                entry.attendance(),
                late,
                minutes,
                publishMiss || (row.missedPublished() && !withdrawMiss),
                actor,
                now);
        if (publishMiss) {
            misses.publish(row, now);
        }
        if (withdrawMiss) {
            misses.withdraw(row, entry.attendance(), now);
        }
        projection.evaluate(row.clientId(), row.startsAt(), ZoneId.of(row.timeZone()), now);
        return true;
    }
}
