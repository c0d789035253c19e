package org.iopcare.scheduling.attendance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.iopcare.scheduling.config.SchedulingProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks sessions that ended more than the grace period ago with no attendance as no-shows and
 * publishes {@code session-missed} for each, in the same transaction. Each batch claims its rows with
 * {@code FOR UPDATE SKIP LOCKED}: instances sweeping at the same time take different rows, and a
 * marked row leaves the partial index the query reads, so no session is published twice.
 */
@Service
public class MissedSessionSweep {

    static final String ACTOR = "system:missed-session-sweep";

    private final AttendanceStore store;
    private final MissPublisher misses;
    private final BelowMinimumProjection projection;
    private final SchedulingProperties settings;
    private final Clock clock;

    MissedSessionSweep(
            AttendanceStore store,
            MissPublisher misses,
            BelowMinimumProjection projection,
            SchedulingProperties settings,
            Clock clock) {
        this.store = store;
        this.misses = misses;
        this.projection = projection;
        this.settings = settings;
        this.clock = clock;
    }

    /** One batch; @return sessions marked. */
    @Transactional
    public int sweepBatch() {
        Instant now = clock.instant();
        List<AttendanceStore.Row> due = store.lockDue(now.minus(settings.gracePeriod()), settings.sweepBatchSize());
        for (AttendanceStore.Row row : due) {
            store.record(row.id(), Attendance.NO_SHOW, null, 0, true, ACTOR, now);
            misses.publish(row, now);
            projection.evaluate(row.clientId(), row.startsAt(), ZoneId.of(row.timeZone()), now);
        }
        return due.size();
    }
}
