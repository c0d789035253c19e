package org.iopcare.scheduling.schedule;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every schedule built up to the rolling horizon, and ends the schedules whose discharge day
 * has come, once a day. Each batch is one transaction
 * that locks its rows with SKIP LOCKED, so instances running at the same time split the work.
 */
@Component
class HorizonExtension {

    private static final Logger log = LoggerFactory.getLogger(HorizonExtension.class);
    private static final int BATCH = 50;
    private static final int MAX_BATCHES = 10_000;

    private final ScheduleExtension extension;
    private final ScheduleEvents events;
    private final Clock clock;

    HorizonExtension(ScheduleExtension extension, ScheduleEvents events, Clock clock) {
        this.extension = extension;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(cron = "#{@'iopcare.scheduling-org.iopcare.scheduling.config.SchedulingProperties'.extensionCron()}")
    void extend() {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int extended = extension.extendDue(BATCH);
            total += extended;
            if (extended < BATCH) {
                break;
            }
        }
        log.info("Horizon extension: {} schedules extended", total);
        int ended = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int batch = events.endDueDischarges(clock.instant(), BATCH);
            ended += batch;
            if (batch < BATCH) {
                break;
            }
        }
        log.info("Discharges dated ahead: {} schedules ended", ended);
    }
}
