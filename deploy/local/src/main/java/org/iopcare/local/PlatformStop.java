package org.iopcare.local;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The stop of a platform, in order: the background work, the services (SIGTERM, up to 20 s each, in
 * parallel), Kafka, then PostgreSQL, leaving no process behind and no pid file. It runs once, in the
 * thread that asks first (Ctrl-C's shutdown hook, a test, another thread); later callers wait for it.
 */
final class PlatformStop {

    private final StartedProcesses processes;
    private final Progress progress;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread shutdownHook;

    PlatformStop(StartedProcesses processes, Progress progress) {
        this.processes = processes;
        this.progress = progress;
    }

    void stop() {
        if (!processes.beginStop()) {
            awaitStopQuietly();
            return;
        }
        StartedProcesses.Snapshot started = processes.awaitLaunches();
        PidFile pids = processes.pidFile();
        long stopStart = System.nanoTime();
        boolean anything = !started.isEmpty();
        if (anything) {
            progress.line("Stopping IOP Care ...");
        }
        try {
            if (started.training() != null) {
                started.training().stop();
            }
            if (!started.services().isEmpty()) {
                Map<ProcessHandle, Duration> graces = new LinkedHashMap<>();
                started.services()
                        .forEach(s -> graces.put(
                                s.process().toHandle(),
                                s.wasReady() ? ProcessStopper.GRACE : ProcessStopper.STARTING_GRACE));
                ProcessStopper.stop(graces);
                started.services().forEach(s -> pids.forget(s.spec().processName()));
            }
            if (started.kafka() != null) {
                started.kafka().stop(ProcessStopper.GRACE);
                pids.forget(KafkaBroker.COMPONENT);
            }
            if (started.postgres() != null) {
                started.postgres().stop(ProcessStopper.GRACE);
                pids.forget(LocalPostgres.COMPONENT);
            }
            pids.delete();
            if (anything) {
                progress.line("IOP Care stopped in " + Progress.seconds((System.nanoTime() - stopStart) / 1e9));
            }
        } finally {
            removeShutdownHook();
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop()} has finished. */
    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The JVM may exit without stop() (the end of a test run, SIGTERM): stop on the way out then. */
    synchronized void installShutdownHook() {
        shutdownHook = new Thread(this::stop, "iopcare-local-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void removeShutdownHook() {
        Thread hook;
        synchronized (this) {
            hook = shutdownHook;
            shutdownHook = null;
        }
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook is what called us, or will find us stopped
            }
        }
    }

    private void awaitStopQuietly() {
        try {
            stopped.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
