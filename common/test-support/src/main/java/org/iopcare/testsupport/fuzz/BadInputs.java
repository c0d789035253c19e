package org.iopcare.testsupport.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.iopcare.testsupport.fuzz.FuzzRequest.Header;
import org.iopcare.testsupport.fuzz.OpenApiOperations.Operation;
import org.iopcare.testsupport.fuzz.OpenApiOperations.Parameter;

/**
 * Every bad request made for one operation: the valid request once, then one spoiled part at a
 * time (each path value, query value, header and body field; the body as a whole). Deterministic:
 * the same seed and operation give the same requests in the same order, so a failure reproduces.
 */
public final class BadInputs {

    static final String JSON_TYPE = "application/json";

    // Sent verbatim in the request line: percent-encoded where a client library would encode,
    // raw where only a hostile client would send it.
    private static final List<String[]> PATH_VALUES = List.of(
            new String[] {"encoded slash", "%2F"},
            new String[] {"encoded NUL", "%00"},
            new String[] {"encoded backslash", "%5C"},
            new String[] {"raw pipe", "|"},
            new String[] {"dot dot", ".."},
            new String[] {"encoded dot dot", "%2E%2E"},
            new String[] {"invalid UTF-8", "%FF%FE"},
            new String[] {"encoded CR LF", "%0D%0A"},
            new String[] {"emoji", "%F0%9F%98%80"},
            new String[] {"matrix parameter", "x;a=b"},
            new String[] {"negative", "-1"},
            new String[] {"beyond Long", "99999999999999999999"},
            new String[] {"SQL quote", "'%20OR%201=1--"},
            new String[] {"script", "%3Cscript%3E"},
            new String[] {"10k chars", "a".repeat(10_000)});

    private static final List<String[]> QUERY_VALUES = List.of(
            new String[] {"encoded NUL", "%00"},
            new String[] {"empty", ""},
            new String[] {"-1", "-1"},
            new String[] {"Integer.MAX+1", "2147483648"},
            new String[] {"Long.MAX+1", "9223372036854775808"},
            new String[] {"1e400", "1e400"},
            new String[] {"NaN", "NaN"},
            new String[] {"invalid UTF-8", "%FF"},
            new String[] {"bad percent escape", "%zz"},
            new String[] {"SQL quote", "%27%20OR%201%3D1--"},
            new String[] {"date year +6000000", "%2B6000000-01-01"},
            new String[] {"date year -4800", "-4800-01-01"},
            new String[] {"Feb 30", "2026-02-30"},
            new String[] {"Instant.MAX", "%2B1000000000-12-31T23:59:59.999999999Z"},
            new String[] {"emoji and RTL", "%F0%9F%98%80%E2%80%AE"},
            new String[] {"5k chars", "q".repeat(5_000)});

    private static final List<String[]> PAGING = List.of(
            new String[] {"last int page, size 200", "page=2147483647&size=200"},
            new String[] {"negative page", "page=-1&size=20"},
            new String[] {"size 0", "page=0&size=0"},
            new String[] {"huge size", "page=0&size=2147483647"},
            new String[] {"page beyond int", "page=99999999999&size=20"},
            new String[] {"unknown sort property", "sort=zzNoSuchProperty,desc"},
            new String[] {"sort injection", "sort=id%3BDROP%20TABLE%20x,desc"},
            new String[] {"sort NUL", "sort=%00"});

    private static final List<Header> NO_HEADERS = List.of();

    private final long seed;

    public BadInputs(long seed) {
        this.seed = seed;
    }

    public List<FuzzRequest> forOperation(Operation operation, ValidRequest valid) {
        Random random = new Random(seed ^ operation.key().hashCode());
        ValidRequest start = completed(operation, valid, random);
        List<FuzzRequest> requests = new ArrayList<>();
        requests.add(request(operation, MutationKind.BASELINE, "valid request", start.path(), start.query(), start));
        pathValues(operation, start, random, requests);
        queryValues(operation, start, requests);
        headerValues(operation, start, requests);
        if (operation.bodySchema() != null || start.body() != null) {
            new BodyMutations(operation, start).addTo(requests);
        }
        return requests;
    }

    /** The caller's valid request with anything it left out made up from the schema. */
    private ValidRequest completed(Operation operation, ValidRequest valid, Random random) {
        SchemaExamples examples = new SchemaExamples(random);
        ValidRequest start = valid;
        for (Parameter p : operation.in("path")) {
            if (!start.path().containsKey(p.name())) {
                start = start.withPath(
                        p.name(), examples.example(p.name(), p.schema()).asString());
            }
        }
        for (Parameter p : operation.in("query")) {
            if (p.required() && !start.query().containsKey(p.name())) {
                start = start.withQuery(
                        p.name(), examples.example(p.name(), p.schema()).asString());
            }
        }
        if (start.body() == null && operation.bodySchema() != null) {
            var example = examples.example("body", operation.bodySchema());
            if (operation.bodyMediaType().contains("json")) {
                start = start.withBody(example.toString());
            } else if (operation.bodyMediaType().contains("form-urlencoded") && example.isObject()) {
                List<String> pairs = new ArrayList<>();
                example.properties()
                        .forEach(e -> pairs.add(e.getKey() + "="
                                + URLEncoder.encode(
                                        e.getValue().asString(e.getValue().toString()), StandardCharsets.UTF_8)));
                start = start.withBody(String.join("&", pairs));
            }
        }
        return start;
    }

    private void pathValues(Operation operation, ValidRequest start, Random random, List<FuzzRequest> out) {
        for (Parameter p : operation.in("path")) {
            List<String[]> values = new ArrayList<>(PATH_VALUES);
            values.add(new String[] {"unknown UUID", new UUID(random.nextLong(), random.nextLong()).toString()});
            for (String[] value : values) {
                Map<String, String> path = new LinkedHashMap<>(encoded(start.path()));
                path.put(p.name(), value[1]);
                out.add(new FuzzRequest(
                        MutationKind.PATH_VALUE,
                        "path {" + p.name() + "} = " + value[0],
                        operation.method(),
                        target(operation.path(), path, encoded(start.query())),
                        bodyHeaders(operation, start),
                        bodyBytes(start)));
            }
        }
    }

    private void queryValues(Operation operation, ValidRequest start, List<FuzzRequest> out) {
        Map<String, String> path = encoded(start.path());
        for (Parameter p : operation.in("query")) {
            for (String[] value : QUERY_VALUES) {
                Map<String, String> query = new LinkedHashMap<>(encoded(start.query()));
                query.put(p.name(), value[1]);
                out.add(queryRequest(
                        operation,
                        start,
                        MutationKind.QUERY_VALUE,
                        "query " + p.name() + " = " + value[0],
                        target(operation.path(), path, query)));
            }
            Map<String, String> twice = new LinkedHashMap<>(encoded(start.query()));
            twice.remove(p.name());
            String repeated = target(operation.path(), path, twice) + (twice.isEmpty() ? "?" : "&") + p.name() + "=a&"
                    + p.name() + "=b";
            out.add(queryRequest(
                    operation, start, MutationKind.QUERY_VALUE, "query " + p.name() + " repeated", repeated));
            if (p.required()) {
                Map<String, String> without = new LinkedHashMap<>(encoded(start.query()));
                without.remove(p.name());
                out.add(queryRequest(
                        operation,
                        start,
                        MutationKind.QUERY_MISSING,
                        "query " + p.name() + " missing",
                        target(operation.path(), path, without)));
            }
        }
        if (operation.method().equals("GET")) {
            // Added to every read: springdoc may describe a Pageable as one object parameter, and an
            // unexpected paging parameter must be ignored or refused, never fail.
            for (String[] paging : PAGING) {
                String base = target(operation.path(), path, encoded(start.query()));
                out.add(queryRequest(
                        operation,
                        start,
                        MutationKind.PAGING,
                        "paging " + paging[0],
                        base + (base.contains("?") ? "&" : "?") + paging[1]));
            }
        }
    }

    private void headerValues(Operation operation, ValidRequest start, List<FuzzRequest> out) {
        String target = target(operation.path(), encoded(start.path()), encoded(start.query()));
        List<String> names = new ArrayList<>();
        operation.in("header").forEach(p -> names.add(p.name()));
        // Headers the platform itself reads on every request: trace context and the client address.
        names.add("traceparent");
        names.add("X-Forwarded-For");
        String[][] values = {
            {"control characters", "a\u0001\u001fb"},
            {"10k chars", "h".repeat(10_000)},
            {"Latin-1 bytes", "caf\u00e9\u00ff"},
            {"empty", ""},
            {"injection", "' OR 1=1; <script>"},
        };
        for (String name : names) {
            for (String[] value : values) {
                List<Header> headers = new ArrayList<>(bodyHeaders(operation, start));
                headers.add(new Header(name, value[1]));
                out.add(new FuzzRequest(
                        MutationKind.HEADER_VALUE,
                        "header " + name + " = " + value[0],
                        operation.method(),
                        target,
                        headers,
                        bodyBytes(start)));
            }
        }
    }

    private static FuzzRequest queryRequest(
            Operation operation, ValidRequest start, MutationKind kind, String description, String target) {
        return new FuzzRequest(
                kind, description, operation.method(), target, bodyHeaders(operation, start), bodyBytes(start));
    }

    static FuzzRequest request(
            Operation operation,
            MutationKind kind,
            String description,
            Map<String, String> path,
            Map<String, String> query,
            ValidRequest start) {
        return new FuzzRequest(
                kind,
                description,
                operation.method(),
                target(operation.path(), encoded(path), encoded(query)),
                bodyHeaders(operation, start),
                bodyBytes(start));
    }

    static List<Header> bodyHeaders(Operation operation, ValidRequest start) {
        if (start.body() == null) {
            return NO_HEADERS;
        }
        return List.of(new Header("Content-Type", start.mediaType(operation.bodyMediaType())));
    }

    static byte[] bodyBytes(ValidRequest start) {
        return start.body() == null ? null : start.body().getBytes(StandardCharsets.UTF_8);
    }

    static String target(String template, Map<String, String> path, Map<String, String> query) {
        String target = template;
        for (Map.Entry<String, String> e : path.entrySet()) {
            target = target.replace("{" + e.getKey() + "}", e.getValue());
        }
        if (!query.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            query.forEach((k, v) -> pairs.add(k + "=" + v));
            target = target + "?" + String.join("&", pairs);
        }
        return target;
    }

    private static Map<String, String> encoded(Map<String, String> plain) {
        Map<String, String> encoded = new LinkedHashMap<>();
        plain.forEach((k, v) ->
                encoded.put(k, URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
        return encoded;
    }
}
