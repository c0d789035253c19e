package org.iopcare.scheduling.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every schedule built up to the rolling horizon, once a day. Each batch is one transaction
 * that locks its rows with SKIP LOCKED, so instances running at the same time split the work.
 */
@Component
class HorizonExtension {

    private static final Logger log = LoggerFactory.getLogger(HorizonExtension.class);
    private static final int BATCH = 50;
    private static final int MAX_BATCHES = 10_000;

    private final ScheduleBuilder builder;

    HorizonExtension(ScheduleBuilder builder) {
        this.builder = builder;
    }

    @Scheduled(cron = "${iopcare.scheduling.extension-cron:0 15 3 * * *}")
    void extend() {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int extended = builder.extendDue(BATCH);
            total += extended;
            if (extended < BATCH) {
                break;
            }
        }
        log.info("Horizon extension: {} schedules extended", total);
    }
}
