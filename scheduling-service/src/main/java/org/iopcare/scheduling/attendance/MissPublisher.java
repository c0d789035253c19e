package org.iopcare.scheduling.attendance;

import java.time.Instant;
import java.util.UUID;
import org.iopcare.events.AttendedAs;
import org.iopcare.events.SessionMissCorrected;
import org.iopcare.events.SessionMissed;
import org.iopcare.support.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code session-missed} with the counts, and {@code session-miss-corrected} when staff
 * withdraw a miss; callers make sure each happens once per change.
 */
@Component
class MissPublisher {

    private final AttendanceStore store;
    private final Outbox outbox;

    MissPublisher(AttendanceStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** Call after the miss is written, so the history includes it. */
    void publish(AttendanceStore.Row row, Instant now) {
        MissCounter.Counts counts = MissCounter.count(row.startsAt(), store.history(row.clientId(), row.startsAt()));
        outbox.append(new SessionMissed(
                UUID.randomUUID(),
                now,
                row.clientId(),
                row.id(),
                row.startsAt(),
                Math.max(1, counts.consecutive()),
                Math.max(1, counts.inLast14Days())));
    }

    /** Withdraws a published miss: staff recorded the session as attended or excused. */
    void withdraw(AttendanceStore.Row row, Attendance recorded, Instant now) {
        outbox.append(new SessionMissCorrected(
                UUID.randomUUID(), now, row.clientId(), row.id(), row.startsAt(), AttendedAs.valueOf(recorded.name())));
    }
}
