package org.iopcare.local;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;

/** What the user sees while the platform starts: one line per component as it becomes ready. */
final class Progress {

    private final PrintStream out;
    private final long startNanos;

    Progress(PrintStream out, long startNanos) {
        this.out = out;
        this.startNanos = startNanos;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    void ready(String component, double seconds) {
        line(String.format(Locale.ROOT, "  ready   %-24s %8s", component, seconds(seconds)));
    }

    void waiting(Collection<String> components) {
        line(String.format(
                Locale.ROOT,
                "  ...     waiting for %s (%s)",
                String.join(", ", components),
                seconds(elapsedSeconds())));
    }

    synchronized void line(String text) {
        out.println(text);
        out.flush();
    }
}
