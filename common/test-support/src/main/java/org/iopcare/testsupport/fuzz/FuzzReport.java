package org.iopcare.testsupport.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a fuzz run sent and every rule it saw broken, with a readable failure when any was. */
public final class FuzzReport {

    private static final int LISTED = 400;

    private final String service;
    private final List<String> operations = new ArrayList<>();
    private final Map<MutationKind, Integer> mutations = new EnumMap<>(MutationKind.class);
    private final List<Violation> violations = new ArrayList<>();
    private final Map<MutationKind, Long> nanos = new EnumMap<>(MutationKind.class);
    private final Map<MutationKind, Map<Integer, Integer>> statuses = new EnumMap<>(MutationKind.class);
    private final List<String> conflicts = new ArrayList<>();
    private long stateNanos;
    private int requests;
    private int serverErrors;
    private int refusedWritesChecked;
    private Duration duration = Duration.ZERO;

    FuzzReport(String service) {
        this.service = service;
    }

    void operation(String key) {
        operations.add(key);
    }

    void sent(MutationKind kind, int status, long elapsedNanos) {
        requests++;
        mutations.merge(kind, 1, Integer::sum);
        nanos.merge(kind, elapsedNanos, Long::sum);
        statuses.computeIfAbsent(kind, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
        if (status >= 500) {
            serverErrors++;
        }
    }

    /**
     * A 409 to a request that raced nobody: not a violation, but it often hides a database error
     * (a NUL byte, an out-of-range date) mapped to "concurrent write", so the report lists them.
     */
    void conflict(String line) {
        conflicts.add(line);
    }

    void stateRead(long elapsedNanos) {
        stateNanos += elapsedNanos;
    }

    void refusedWriteChecked() {
        refusedWritesChecked++;
    }

    void violation(Violation violation) {
        violations.add(violation);
    }

    void finished(Duration duration) {
        this.duration = duration;
    }

    public List<String> operations() {
        return List.copyOf(operations);
    }

    public int requests() {
        return requests;
    }

    public int serverErrors() {
        return serverErrors;
    }

    public Map<MutationKind, Integer> mutations() {
        return Map.copyOf(mutations);
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    void replaceViolations(List<Violation> replaced) {
        violations.clear();
        violations.addAll(replaced);
    }

    public String summary() {
        return "API fuzz of " + service + ": " + operations.size() + " operations, " + requests + " requests in "
                + duration.toMillis() + " ms; " + serverErrors + " answered 5xx (expected 0); "
                + refusedWritesChecked + " refused writes checked against the database; " + violations.size()
                + " violations\n  mutations by kind: " + mutations;
    }

    /** Violations grouped by rule and operation, most frequent first, then every one listed. */
    public String details() {
        StringBuilder text = new StringBuilder(summary()).append('\n');
        text.append("  state snapshots took ").append(stateNanos / 1_000_000).append(" ms\n");
        text.append("  per kind: answers by status, and time spent\n");
        statuses.forEach((kind, counts) -> text.append("    ")
                .append(kind)
                .append(' ')
                .append(counts)
                .append(' ')
                .append(nanos.getOrDefault(kind, 0L) / 1_000_000)
                .append(" ms\n"));
        Map<String, Long> groups = violations.stream()
                .collect(Collectors.groupingBy(
                        v -> v.rule() + " | " + v.operation() + " | " + v.kind(), TreeMap::new, Collectors.counting()));
        text.append("  by rule, operation and kind:\n");
        groups.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> text.append("    ")
                        .append(e.getValue())
                        .append(" × ")
                        .append(e.getKey())
                        .append('\n'));
        text.append("  409 answers (not violations; no request ran concurrently with another):\n");
        conflicts.forEach(c -> text.append("    ").append(c).append('\n'));
        text.append("  every violation:\n");
        violations.forEach(v -> text.append("    ").append(v.line()).append('\n'));
        return text.toString();
    }

    /** Fails with the grouped list and the first violations when any rule was broken. */
    public void assertNoViolations() {
        if (violations.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(summary()).append('\n');
        violations.stream()
                .limit(LISTED)
                .forEach(v -> message.append("  ").append(v.line()).append('\n'));
        if (violations.size() > LISTED) {
            message.append("  … and ").append(violations.size() - LISTED).append(" more (see the written report)\n");
        }
        throw new AssertionError(message.toString());
    }
}
