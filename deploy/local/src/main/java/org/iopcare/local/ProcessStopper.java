package org.iopcare.local;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops processes politely first (SIGTERM), then for good (SIGKILL), and their children with them. */
final class ProcessStopper {

    /** How long a process gets to exit on SIGTERM before it is killed. */
    static final Duration GRACE = Duration.ofSeconds(20);

    /**
     * For a service that is not ready yet: a Spring application in the middle of its start finishes
     * starting before it acts on SIGTERM, and has nothing to lose yet.
     */
    static final Duration STARTING_GRACE = Duration.ofSeconds(5);

    private ProcessStopper() {}

    /**
     * Stops all of {@code processes} at once and waits for them.
     *
     * @return true if every one exited within {@code grace}, false if any had to be killed
     */
    static boolean stop(List<ProcessHandle> processes, Duration grace) {
        Map<ProcessHandle, Duration> graces = new LinkedHashMap<>();
        processes.forEach(p -> graces.put(p, grace));
        return stop(graces);
    }

    /** Stops all of the processes at once, each with its own grace period. */
    static boolean stop(Map<ProcessHandle, Duration> graces) {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle process : graces.keySet()) {
            // Children first in the list so that none is left behind when its parent goes.
            process.descendants().forEach(all::add);
            all.add(process);
        }
        graces.keySet().forEach(ProcessHandle::destroy);
        long start = System.nanoTime();
        boolean graceful = true;
        for (Map.Entry<ProcessHandle, Duration> entry : graces.entrySet()) {
            long left = entry.getValue().toNanos() - (System.nanoTime() - start);
            if (!await(entry.getKey(), Math.max(0, left))) {
                graceful = false;
                entry.getKey().destroyForcibly();
            }
        }
        for (ProcessHandle process : all) {
            if (process.isAlive()) {
                process.destroyForcibly();
                await(process, TimeUnit.SECONDS.toNanos(5));
            }
        }
        return graceful;
    }

    static boolean stop(ProcessHandle process, Duration grace) {
        return stop(List.of(process), grace);
    }

    /**
     * Asks PostgreSQL for a fast shutdown (SIGINT: roll back open sessions, checkpoint, exit) instead
     * of SIGTERM, which would wait for every client (say, a developer's psql) to leave.
     */
    static boolean stopPostgres(ProcessHandle postmaster, Duration grace) {
        if (!postmaster.isAlive()) {
            return true;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
            if (await(postmaster, grace.toNanos())) {
                return true;
            }
        } catch (IOException e) {
            // no kill(1) here: SIGTERM below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return stop(postmaster, grace);
    }

    private static boolean await(ProcessHandle process, long nanos) {
        try {
            process.onExit().get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }
}
