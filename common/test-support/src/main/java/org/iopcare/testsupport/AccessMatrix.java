package org.iopcare.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import tools.jackson.databind.JsonNode;

/**
 * The access matrix of {@code docs/architecture.md} ("Who sees what"), read as data so that each
 * service's matrix suite asks every endpoint exactly what the document says: one table per
 * service, under a heading {@code ### <service>}, one row per operation ({@code `GET /api/…`}), one
 * column per caller. A cell is the expected status, optionally followed by the view the caller
 * gets ({@code 200 results}, {@code 200 own}); a suite checks each view it names.
 */
public final class AccessMatrix {

    /** The callers every table has, in its column order after the operation. */
    public enum Caller {
        INTAKE_COORDINATOR("INTAKE_COORDINATOR"),
        SCHEDULER("SCHEDULER"),
        CLINICIAN_OWN("CLINICIAN, own client"),
        CLINICIAN_OTHER("CLINICIAN, other client"),
        CLINICAL_SUPERVISOR("CLINICAL_SUPERVISOR"),
        PROGRAM_ADMIN("PROGRAM_ADMIN"),
        PRIVACY_OFFICER("PRIVACY_OFFICER");

        private final String header;

        Caller(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }

        /** The staff role the caller's token carries. */
        public String role() {
            return name().startsWith("CLINICIAN_") ? "CLINICIAN" : name();
        }
    }

    /** What one caller gets from one operation: a status and, where the cell names one, a view. */
    public record Expected(int status, Optional<String> view) {
        @Override
        public String toString() {
            return status + view.map(v -> " " + v).orElse("");
        }
    }

    /** One operation's row. */
    public record Row(String method, String path, Map<Caller, Expected> expected) {
        public String key() {
            return method + " " + path;
        }
    }

    private AccessMatrix() {}

    /** The rows of the service's table in the document at the repository root. */
    public static List<Row> of(String service) {
        return of(locate(), service);
    }

    static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path doc = dir.resolve("docs/architecture.md");
            if (Files.isRegularFile(doc)) {
                return doc;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "docs/architecture.md not found above " + Path.of("").toAbsolutePath());
    }

    public static List<Row> of(Path document, String service) {
        List<String> lines;
        try {
            lines = Files.readAllLines(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int heading = lines.indexOf("### " + service);
        if (heading < 0) {
            throw new IllegalStateException("No '### " + service + "' table in " + document);
        }
        int at = heading + 1;
        while (at < lines.size() && !lines.get(at).startsWith("|")) {
            at++;
        }
        List<String> header = cells(lines.get(at));
        Caller[] callers = Caller.values();
        for (int i = 0; i < callers.length; i++) {
            if (header.size() <= i + 1 || !header.get(i + 1).equals(callers[i].header())) {
                throw new IllegalStateException("The " + service + " table's column " + (i + 2) + " must be '"
                        + callers[i].header() + "', found " + header);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (at += 2; at < lines.size() && lines.get(at).startsWith("|"); at++) {
            List<String> cells = cells(lines.get(at));
            String operation = cells.get(0).replace("`", "").trim();
            String[] parts = operation.split(" ", 2);
            if (parts.length != 2 || !parts[1].startsWith("/")) {
                throw new IllegalStateException(
                        "Not an operation: '" + cells.get(0) + "' in the " + service + " table");
            }
            Map<Caller, Expected> expected = new EnumMap<>(Caller.class);
            for (int i = 0; i < callers.length; i++) {
                expected.put(callers[i], expected(cells.get(i + 1), operation));
            }
            rows.add(new Row(parts[0], parts[1], expected));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("The " + service + " table has no rows");
        }
        return List.copyOf(rows);
    }

    /** A row's check as one caller, given the suite's request for that row. */
    @FunctionalInterface
    public interface Check<O> {
        void run(Row row, Caller caller, O operation);
    }

    /**
     * One dynamic test per row and caller of the service's table, each naming its row and caller
     * when it fails, after checking that every row has a request in {@code operations} and every
     * request a row.
     */
    public static <O> Stream<DynamicTest> cases(String service, Map<String, O> operations, Check<O> check) {
        List<Row> rows = of(service);
        Set<String> withoutRequest = new TreeSet<>();
        rows.forEach(r -> {
            if (!operations.containsKey(r.key())) {
                withoutRequest.add(r.key());
            }
        });
        if (!withoutRequest.isEmpty()) {
            throw new AssertionError("rows of the " + service + " table without a request: " + withoutRequest);
        }
        Set<String> withoutRow = new TreeSet<>(operations.keySet());
        rows.forEach(r -> withoutRow.remove(r.key()));
        if (!withoutRow.isEmpty()) {
            throw new AssertionError("requests without a row in the " + service + " table: " + withoutRow);
        }
        return rows.stream()
                .flatMap(row -> Stream.of(Caller.values())
                        .map(caller -> DynamicTest.dynamicTest(row.key() + " as " + caller.header(), () -> {
                            try {
                                check.run(row, caller, operations.get(row.key()));
                            } catch (AssertionError e) {
                                throw new AssertionError(
                                        row.key() + " as " + caller.header() + ": " + e.getMessage(), e);
                            }
                        })));
    }

    /** Fails unless every staff operation of the service's OpenAPI description is a row of its table. */
    public static void assertEveryStaffOperationIsARow(String service, JsonNode description) {
        Set<String> described = staffOperations(description);
        if (described.isEmpty()) {
            throw new AssertionError("the API description of " + service + " has no staff operation");
        }
        Set<String> missing = new TreeSet<>(described);
        of(service).forEach(r -> missing.remove(r.key()));
        if (!missing.isEmpty()) {
            throw new AssertionError("staff operations of " + service + " missing from its table: " + missing);
        }
    }

    /**
     * The staff operations of an OpenAPI description ({@code "GET /api/…"}): every operation but the
     * public ones (an empty security list) and the local run's {@code /dev/**}.
     */
    public static Set<String> staffOperations(JsonNode description) {
        Set<String> operations = new TreeSet<>();
        description.get("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/dev/")) {
                return;
            }
            path.getValue().properties().forEach(operation -> {
                if (!HTTP_METHODS.contains(operation.getKey())) {
                    return;
                }
                JsonNode security = operation.getValue().get("security");
                boolean isPublic = security != null && security.isArray() && security.isEmpty();
                if (!isPublic) {
                    operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        });
        return operations;
    }

    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private static Expected expected(String cell, String operation) {
        String[] words = cell.trim().split("\\s+", 2);
        try {
            return new Expected(
                    Integer.parseInt(words[0]), words.length > 1 ? Optional.of(words[1]) : Optional.empty());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Cell '" + cell + "' of " + operation + " is not a status", e);
        }
    }

    private static List<String> cells(String line) {
        String trimmed = line.trim();
        String inner = trimmed.substring(1, trimmed.endsWith("|") ? trimmed.length() - 1 : trimmed.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList();
    }
}
