package org.iopcare.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code run.pids}: which processes a run started, so that {@code stop} from another terminal, or
 * the next start after a crash, can find them. Each line holds the component, its pid and its start
 * time; the start time guards against stopping an unrelated process that got a recycled pid.
 */
final class PidFile {

    /** One process named in the file. */
    record Entry(String component, long pid, long startMillis) {

        static Entry of(String component, ProcessHandle process) {
            return new Entry(component, process.pid(), startMillis(process));
        }

        /** The process, if it is still the same one that was recorded. */
        Optional<ProcessHandle> live() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::sameStart);
        }

        private boolean sameStart(ProcessHandle process) {
            long now = startMillis(process);
            // Where the OS does not tell start times, accept the pid as is.
            return startMillis == 0 || now == 0 || Math.abs(now - startMillis) < 2_000;
        }

        private static long startMillis(ProcessHandle process) {
            return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        }

        String line() {
            return component + " " + pid + " " + startMillis;
        }
    }

    static final String LAUNCHER = "launcher";

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    PidFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** The entries currently on disk (an unreadable or missing file has none). */
    List<Entry> read() {
        List<Entry> result = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return result;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.strip().split("\\s+");
                if (line.isBlank() || line.startsWith("#") || parts.length < 2) {
                    continue;
                }
                try {
                    long start = parts.length > 2 ? Long.parseLong(parts[2]) : 0L;
                    result.add(new Entry(parts[0], Long.parseLong(parts[1]), start));
                } catch (NumberFormatException ignored) {
                    // a line we did not write; not ours to act on
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return result;
    }

    /** The recorded processes that are still running. */
    List<Entry> live() {
        List<Entry> result = new ArrayList<>();
        for (Entry entry : read()) {
            if (entry.live().isPresent()) {
                result.add(entry);
            }
        }
        return result;
    }

    synchronized void record(String component, ProcessHandle process) {
        entries.put(component, Entry.of(component, process));
        write();
    }

    synchronized void forget(String component) {
        if (entries.remove(component) != null) {
            write();
        }
    }

    synchronized void delete() {
        entries.clear();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    private void write() {
        StringBuilder text = new StringBuilder("# IOP Care local run: component pid start-epoch-millis\n");
        entries.values().forEach(entry -> text.append(entry.line()).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, text);
            // a reader in another terminal sees the old or the new file, never half of one
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
