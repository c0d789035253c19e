package org.iopcare.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each process of the run after the benchmark: resident memory ({@code VmRSS} of {@code
 * /proc/<pid>/status}) and how long it took to be ready — the launcher's clock when this benchmark
 * started the platform, else the JVM's own uptime at "Started ... (process running for N)" in the
 * service's log.
 */
final class Footprint {

    /** One process: its resident megabytes, and seconds to ready where known. */
    record Process(String component, long pid, double residentMegabytes, OptionalDouble readySeconds) {}

    private static final Pattern STARTED =
            Pattern.compile("Started \\S+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private Footprint() {}

    static List<Process> of(Platform platform) throws IOException {
        List<Process> processes = new ArrayList<>();
        Map<String, Double> ready = platform.readySeconds();
        for (Map.Entry<String, Long> entry : platform.pids().entrySet()) {
            String component = entry.getKey();
            OptionalDouble readySeconds = ready.containsKey(component)
                    ? OptionalDouble.of(ready.get(component))
                    : fromLog(platform.logs().resolve(component + ".log"));
            processes.add(new Process(component, entry.getValue(), rssMegabytes(entry.getValue()), readySeconds));
        }
        return processes;
    }

    static double rssMegabytes(long pid) throws IOException {
        Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        if (!rss.find()) {
            throw new IllegalStateException("/proc/" + pid + "/status has no VmRSS");
        }
        return Long.parseLong(rss.group(1)) / 1024.0;
    }

    /** The last start in the log: the JVM's uptime when Spring Boot said it had started. */
    private static OptionalDouble fromLog(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return OptionalDouble.empty();
        }
        OptionalDouble last = OptionalDouble.empty();
        try (var lines = Files.lines(log)) {
            for (String line : (Iterable<String>) lines::iterator) {
                Matcher started = STARTED.matcher(line);
                if (started.find()) {
                    last = OptionalDouble.of(Double.parseDouble(started.group(1)));
                }
            }
        }
        return last;
    }
}
