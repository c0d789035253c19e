package org.iopcare.scheduling.attendance;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the missed-session sweep every {@code sweep-interval} (a minute by default), batch after batch
 * until none is due.
 */
@Component
class SweepSchedule {

    private static final int MAX_BATCHES = 1000;

    private final MissedSessionSweep sweep;

    SweepSchedule(MissedSessionSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(
            fixedDelayString =
                    "#{@'iopcare.scheduling-org.iopcare.scheduling.config.SchedulingProperties'.sweepInterval().toMillis()}",
            initialDelayString =
                    "#{@'iopcare.scheduling-org.iopcare.scheduling.config.SchedulingProperties'.sweepInterval().toMillis()}")
    void run() {
        for (int i = 0; i < MAX_BATCHES && sweep.sweepBatch() > 0; i++) {
            // keep going while sessions are due
        }
    }
}
