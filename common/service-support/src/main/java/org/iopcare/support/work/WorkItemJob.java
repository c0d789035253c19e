package org.iopcare.support.work;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the escalation and refreshes the gauges every {@code iopcare.work.check-interval}. */
public class WorkItemJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkItemJob.class);

    private final WorkItemEscalation escalation;
    private final WorkItemMetrics metrics;
    private final WorkItemProperties properties;
    private volatile ScheduledExecutorService timer;

    public WorkItemJob(WorkItemEscalation escalation, WorkItemMetrics metrics, WorkItemProperties properties) {
        this.escalation = escalation;
        this.metrics = metrics;
        this.properties = properties;
    }

    private void runQuietly() {
        try {
            int steps = escalation.escalateDue();
            if (steps > 0) {
                log.info("Escalated {} urgent work items", steps);
            }
            metrics.refresh();
        } catch (RuntimeException e) {
            // the rows stay due; the next run takes them
            log.warn("Escalating work items failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "work-item-escalation");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.checkInterval().toMillis();
        executor.scheduleWithFixedDelay(this::runQuietly, interval, interval, TimeUnit.MILLISECONDS);
        timer = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = timer;
        timer = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
