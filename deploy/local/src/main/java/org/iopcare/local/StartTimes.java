package org.iopcare.local;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The readiness of a start as the summary and the tests see it: seconds from the launcher's start. */
final class StartTimes {

    private final Progress progress;
    private final long startNanos;
    private final Map<String, Double> readySeconds = Collections.synchronizedMap(new LinkedHashMap<>());
    private double startupSeconds;

    StartTimes(Progress progress, long startNanos) {
        this.progress = progress;
        this.startNanos = startNanos;
    }

    /** A component is ready: recorded, and shown. */
    void ready(String component) {
        double seconds = sinceStart();
        readySeconds.put(component, seconds);
        progress.ready(component, seconds);
    }

    void startupFinished() {
        startupSeconds = sinceStart();
    }

    Map<String, Double> readySeconds() {
        synchronized (readySeconds) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(readySeconds));
        }
    }

    double startupSeconds() {
        return startupSeconds;
    }

    private double sinceStart() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
