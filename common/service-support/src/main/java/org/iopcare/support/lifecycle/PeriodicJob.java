package org.iopcare.support.lifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Work that every instance of a service does on its own every interval, on a daemon thread of its
 * own, while the application context runs (the first run one interval after the start). A run that
 * fails is logged by the exception's class only, never its message (which may quote data), and the
 * next interval tries again.
 */
public abstract class PeriodicJob implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String threadName;
    private final Duration interval;
    private volatile ScheduledExecutorService timer;

    /**
     * @param threadName the name of the job's thread, as thread dumps show it
     * @param interval the time between the end of one run and the start of the next
     */
    protected PeriodicJob(String threadName, Duration interval) {
        this.threadName = threadName;
        this.interval = interval;
    }

    /** One run. */
    protected abstract void runOnce();

    /** What a run does, for the warning when one fails ("Purging idempotency claims"). */
    protected abstract String description();

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("{} failed: {}", description(), e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
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
