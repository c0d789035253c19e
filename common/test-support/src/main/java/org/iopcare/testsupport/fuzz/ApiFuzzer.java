package org.iopcare.testsupport.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.iopcare.testsupport.fuzz.OpenApiOperations.Operation;

/**
 * Sends every operation of a service's {@code /v3/api-docs} its bad inputs ({@link BadInputs}),
 * then malformed raw request lines, and records every broken rule instead of stopping at the first:
 * <ul>
 *   <li>no answer is 5xx, and every request gets an answer;
 *   <li>every 4xx is {@code application/problem+json};
 *   <li>a write (any method but GET) answered 4xx or 5xx leaves the {@link StateProbe} snapshot taken
 *       right after it equal to the one taken right before it.
 * </ul>
 * Every request carries a W3C traceparent whose trace id is its number, so a violation can be
 * matched with the service's log lines (and the exception logged there).
 */
public final class ApiFuzzer {

    private final String service;
    private final String host;
    private final int port;
    private final RawHttp http;
    private String authorization;
    private long seed = 20_260_302L;
    private StateProbe state = StateProbe.NONE;
    private final Map<String, ValidRequest> valid = new HashMap<>();
    private final Map<String, String> pathDefaults = new HashMap<>();
    private Supplier<String> serviceLog = () -> "";
    private Path reportFile;
    private String rawPrefix = "/api";
    private RequestSigner signer = request -> List.of();
    private String eachHeader;
    private java.util.function.IntFunction<String> eachValue;

    private ApiFuzzer(String service, String host, int port) {
        this.service = service;
        this.host = host;
        this.port = port;
        this.http = new RawHttp(host, port);
    }

    public static ApiFuzzer of(String service, int port) {
        return new ApiFuzzer(service, "localhost", port);
    }

    /** The Authorization header value sent with every request. */
    public ApiFuzzer authorization(String authorization) {
        this.authorization = authorization;
        return this;
    }

    /** Fixes every generated value; the default is fixed too, so runs repeat unless this changes. */
    public ApiFuzzer seed(long seed) {
        this.seed = seed;
        return this;
    }

    public ApiFuzzer state(StateProbe state) {
        this.state = state;
        return this;
    }

    /** The valid request for one operation ("POST /api/inquiries"); otherwise made from the schema. */
    public ApiFuzzer valid(String operationKey, ValidRequest request) {
        valid.put(operationKey, request);
        return this;
    }

    /** A valid value for a path parameter of this name wherever an operation's request leaves it unset. */
    public ApiFuzzer pathDefault(String parameter, String value) {
        pathDefaults.put(parameter, value);
        return this;
    }

    /**
     * A header set on every request (the n-th gets {@code value.apply(n)}) unless the mutation sets
     * it itself: e.g. a distinct client address per request, so a per-address rate limit refuses no
     * bad input before it is read.
     */
    public ApiFuzzer eachRequest(String header, java.util.function.IntFunction<String> value) {
        this.eachHeader = header;
        this.eachValue = value;
        return this;
    }

    /** Headers computed from the finished request (e.g. a webhook signature), unless it sets them itself. */
    public ApiFuzzer signer(RequestSigner signer) {
        this.signer = signer;
        return this;
    }

    /** The service's log so far, searched for each violation's trace id (e.g. a captured stdout). */
    public ApiFuzzer serviceLog(Supplier<String> log) {
        this.serviceLog = log;
        return this;
    }

    /** Where the full report (summary, grouped and every violation) is written. */
    public ApiFuzzer reportTo(Path file) {
        this.reportFile = file;
        return this;
    }

    public FuzzReport run() {
        long started = System.nanoTime();
        FuzzReport report = new FuzzReport(service);
        List<Operation> operations = OpenApiOperations.read(apiDocs());
        BadInputs inputs = new BadInputs(seed);
        Sender sender = new Sender(report);
        for (Operation operation : operations) {
            report.operation(operation.key());
            for (FuzzRequest request : inputs.forOperation(operation, validRequest(operation))) {
                sender.send(operation.key(), request);
            }
        }
        for (String[] line : RawTargets.requestLines(rawPrefix)) {
            sender.sendRaw(line[0], line[1]);
        }
        report.finished(Duration.ofNanos(System.nanoTime() - started));
        report.replaceViolations(LogLines.attach(report.violations(), serviceLog.get()));
        write(report);
        return report;
    }

    private ValidRequest validRequest(Operation operation) {
        ValidRequest request = valid.getOrDefault(operation.key(), new ValidRequest(Map.of(), Map.of(), null));
        for (var p : operation.in("path")) {
            if (!request.path().containsKey(p.name()) && pathDefaults.containsKey(p.name())) {
                request = request.withPath(p.name(), pathDefaults.get(p.name()));
            }
        }
        return request;
    }

    /** Sends requests in order, keeping the last state snapshot so each write costs one more. */
    private final class Sender {

        private final FuzzReport report;
        private Map<String, String> lastState;
        private int number;

        Sender(FuzzReport report) {
            this.report = report;
        }

        void send(String operation, FuzzRequest request) {
            String traceId = "%032x".formatted(++number + 0xf022_0000_0000L);
            Map<String, String> before = null;
            if (request.writes()) {
                before = lastState != null ? lastState : snapshot();
            } else {
                // A read between writes: the next write takes a fresh "before".
                lastState = null;
            }
            if (eachHeader != null
                    && request.headers().stream().noneMatch(h -> h.name().equalsIgnoreCase(eachHeader))) {
                List<FuzzRequest.Header> headers = new java.util.ArrayList<>(request.headers());
                headers.add(new FuzzRequest.Header(eachHeader, eachValue.apply(number)));
                request = new FuzzRequest(
                        request.kind(),
                        request.description(),
                        request.method(),
                        request.target(),
                        headers,
                        request.body());
            }
            List<FuzzRequest.Header> signed = new java.util.ArrayList<>(request.headers());
            for (FuzzRequest.Header header : signer.headersFor(request)) {
                if (signed.stream().noneMatch(h -> h.name().equalsIgnoreCase(header.name()))) {
                    signed.add(header);
                }
            }
            request = new FuzzRequest(
                    request.kind(), request.description(), request.method(), request.target(), signed, request.body());
            long started = System.nanoTime();
            RawHttp.Response response =
                    http.send(request, authorization, "00-" + traceId + "-" + "%016x".formatted(number) + "-01");
            report.sent(request.kind(), response.status(), System.nanoTime() - started);
            check(operation, request.kind(), request.description(), traceId, response);
            if (response.status() == 409) {
                report.conflict(operation + " | " + request.description());
            }
            if (request.writes()) {
                Map<String, String> after = snapshot();
                if (response.status() >= 400 || response.status() == 0) {
                    report.refusedWriteChecked();
                    if (!after.equals(before)) {
                        report.violation(violation(
                                operation,
                                request.kind(),
                                request.description(),
                                "refused write changed the database",
                                traceId,
                                response,
                                difference(before, after)));
                    }
                }
                lastState = after;
            }
        }

        void sendRaw(String description, String requestLine) {
            StringBuilder head = new StringBuilder(requestLine).append("\r\n");
            if (!description.contains("without Host")) {
                head.append("Host: ").append(host).append(':').append(port).append("\r\n");
            }
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            lastState = null;
            long started = System.nanoTime();
            RawHttp.Response response = http.sendRaw(head.toString());
            report.sent(MutationKind.RAW_TARGET, response.status(), System.nanoTime() - started);
            check("raw request line", MutationKind.RAW_TARGET, description, null, response);
        }

        private Map<String, String> snapshot() {
            long started = System.nanoTime();
            Map<String, String> snapshot = state.snapshot();
            report.stateRead(System.nanoTime() - started);
            return snapshot;
        }

        private void check(
                String operation, MutationKind kind, String description, String traceId, RawHttp.Response r) {
            if (r.status() == 0) {
                report.violation(violation(operation, kind, description, "no response", traceId, r, r.failure()));
            } else if (r.status() >= 500) {
                report.violation(violation(operation, kind, description, "5xx", traceId, r, r.body()));
            } else if (r.status() >= 400 && !isProblem(r.contentType())) {
                report.violation(violation(operation, kind, description, "4xx not problem+json", traceId, r, r.body()));
            }
        }
    }

    static boolean isProblem(String contentType) {
        return contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/problem+json");
    }

    private static Violation violation(
            String operation,
            MutationKind kind,
            String description,
            String rule,
            String traceId,
            RawHttp.Response r,
            String detail) {
        return new Violation(
                operation,
                kind,
                description,
                rule,
                r.status(),
                r.contentType(),
                traceId,
                detail == null ? null : RawHttp.abbreviate(detail).substring(0, Math.min(detail.length(), 200)));
    }

    private static String difference(Map<String, String> before, Map<String, String> after) {
        StringBuilder diff = new StringBuilder();
        for (String table : after.keySet()) {
            if (!Objects.equals(before.get(table), after.get(table))) {
                diff.append(table)
                        .append(": ")
                        .append(before.get(table))
                        .append(" -> ")
                        .append(after.get(table))
                        .append("; ");
            }
        }
        return diff.toString();
    }

    private String apiDocs() {
        try {
            HttpResponse<String> docs = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/v3/api-docs"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (docs.statusCode() != 200) {
                throw new IllegalStateException("GET /v3/api-docs answered " + docs.statusCode() + ": " + docs.body());
            }
            return docs.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void write(FuzzReport report) {
        if (reportFile == null) {
            return;
        }
        try {
            Files.createDirectories(reportFile.toAbsolutePath().getParent());
            Files.writeString(reportFile, report.details());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
