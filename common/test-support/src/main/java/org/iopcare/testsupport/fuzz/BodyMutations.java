package org.iopcare.testsupport.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iopcare.testsupport.fuzz.BadValues.BadValue;
import org.iopcare.testsupport.fuzz.FuzzRequest.Header;
import org.iopcare.testsupport.fuzz.OpenApiOperations.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body's bad inputs: each field of the valid body (and each property the schema declares but
 * the valid body leaves out) replaced by each bad value for its kind, then the body as a whole
 * missing, malformed, deeply nested and huge.
 */
final class BodyMutations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Replaced, quotes included, by the raw bad value after serialising the valid body around it.
    private static final String SLOT = "__fuzz_slot_7f3a__";
    private static final int MAX_DEPTH = 5;
    static final int HUGE_BODY = 3 * 1024 * 1024;

    /** A place in the body: the path to it, its schema (empty when undeclared) and valid value (or null). */
    record Field(List<Object> path, JsonNode schema, JsonNode example) {

        String pointer() {
            StringBuilder pointer = new StringBuilder();
            path.forEach(segment -> pointer.append('/').append(segment));
            return pointer.isEmpty() ? "/" : pointer.toString();
        }
    }

    private final Operation operation;
    private final ValidRequest start;
    private final JsonNode body;
    private final String mediaType;

    BodyMutations(Operation operation, ValidRequest start) {
        this.operation = operation;
        this.start = start;
        this.mediaType = start.mediaType(operation.bodyMediaType());
        boolean json = mediaType.contains("json");
        this.body = start.body() == null || !json ? null : JSON.readTree(start.body());
    }

    void addTo(List<FuzzRequest> out) {
        if (mediaType.contains("form-urlencoded")) {
            formFields(out);
            wholeBody(out);
            return;
        }
        if (body != null && body.isContainer()) {
            for (Field field : fields()) {
                ValueKind kind = field.schema().isEmpty() && field.example() != null
                        ? ValueKind.ofExample(field.example())
                        : ValueKind.of(field.schema());
                for (BadValue value : BadValues.forField(kind, field.schema(), field.example())) {
                    out.add(json(
                            value.kind(),
                            "body " + field.pointer() + " = " + value.label(),
                            with(field, value.json())));
                }
            }
        }
        wholeBody(out);
    }

    // Sent as they are inside the form body: percent-encoded where a browser would encode.
    private static final List<String[]> FORM_VALUES = List.of(
            new String[] {"encoded NUL", "%00"},
            new String[] {"empty", ""},
            new String[] {"100k chars", "x".repeat(BadValues.HUGE_STRING)},
            new String[] {"invalid UTF-8", "%FF%FE"},
            new String[] {"bad percent escape", "%zz%"},
            new String[] {"encoded CR LF", "a%0D%0Ab"},
            new String[] {"emoji and RTL", "%F0%9F%98%80%E2%80%AE"},
            new String[] {"SQL quote", "%27%20OR%201%3D1--"},
            new String[] {"raw ampersands and equals", "a=&=b&&"});

    /** Each field of a form body replaced by each bad value, then fields duplicated and the form garbled. */
    private void formFields(List<FuzzRequest> out) {
        String form = start.body() == null ? "" : start.body();
        List<Header> type = List.of(new Header("Content-Type", mediaType));
        String[] pairs = form.isEmpty() ? new String[0] : form.split("&");
        for (int i = 0; i < pairs.length; i++) {
            String name = pairs[i].split("=", 2)[0];
            for (String[] value : FORM_VALUES) {
                String[] copy = pairs.clone();
                copy[i] = name + "=" + value[1];
                out.add(raw(
                        MutationKind.BODY_CONTROL_CHARS,
                        "form " + name + " = " + value[0],
                        type,
                        bytes(String.join("&", copy))));
            }
            out.add(raw(
                    MutationKind.BODY_MALFORMED, "form " + name + " twice", type, bytes(form + "&" + name + "=other")));
            String[] without = java.util.Arrays.stream(pairs)
                    .filter(p -> !p.startsWith(name + "="))
                    .toArray(String[]::new);
            out.add(raw(MutationKind.BODY_NULL, "form " + name + " missing", type, bytes(String.join("&", without))));
        }
        out.add(raw(MutationKind.BODY_MALFORMED, "form of only separators", type, bytes("&&==&%")));
        out.add(raw(MutationKind.BODY_HUGE, "3 MB form field", type, bytes("zzPadding=" + "x".repeat(HUGE_BODY))));
    }

    /** Every place in the valid body, containers before their contents, schema-only properties included. */
    List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        collect(new ArrayList<>(), body, operation.bodySchema() == null ? empty() : operation.bodySchema(), fields, 0);
        fields.remove(0); // the root is covered by the whole-body mutations
        return fields;
    }

    private void collect(List<Object> path, JsonNode value, JsonNode schema, List<Field> out, int depth) {
        out.add(new Field(List.copyOf(path), schema, value));
        if (depth >= MAX_DEPTH) {
            return;
        }
        if ((value != null && value.isObject()) || (value == null && ValueKind.of(schema) == ValueKind.OBJECT)) {
            Set<String> names = new LinkedHashSet<>();
            if (value != null) {
                names.addAll(value.propertyNames());
            }
            // Properties the valid body leaves out are only visited at the top, to bound the count.
            if (value != null) {
                names.addAll(schema.path("properties").propertyNames());
            }
            for (String name : names) {
                List<Object> child = new ArrayList<>(path);
                child.add(name);
                JsonNode childSchema = schema.path("properties").path(name);
                collect(
                        child,
                        value == null ? null : value.get(name),
                        childSchema.isMissingNode() ? empty() : childSchema,
                        out,
                        depth + 1);
            }
        } else if (value != null && value.isArray() && !value.isEmpty()) {
            List<Object> child = new ArrayList<>(path);
            child.add(0);
            JsonNode items = schema.path("items");
            collect(child, value.get(0), items.isMissingNode() ? empty() : items, out, depth + 1);
        }
    }

    /** The valid body with the field at the path set to a raw JSON value. */
    private String with(Field field, String rawJson) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy;
        List<Object> path = field.path();
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) path.get(i));
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, JsonNodeFactory.instance.stringNode(SLOT));
        } else {
            ((ObjectNode) parent).put((String) last, SLOT);
        }
        return JSON.writeValueAsString(copy).replace("\"" + SLOT + "\"", rawJson);
    }

    private void wholeBody(List<FuzzRequest> out) {
        String type = mediaType;
        out.add(raw(MutationKind.BODY_MISSING, "no body", List.of(new Header("Content-Type", type)), null));
        out.add(raw(MutationKind.BODY_MISSING, "no body, no content type", List.of(), null));
        out.add(json(MutationKind.BODY_MALFORMED, "truncated JSON", "{"));
        out.add(json(MutationKind.BODY_MALFORMED, "JSON null", "null"));
        out.add(json(MutationKind.BODY_MALFORMED, "JSON array", "[]"));
        out.add(json(MutationKind.BODY_MALFORMED, "JSON string", "\"text\""));
        out.add(json(MutationKind.BODY_MALFORMED, "raw control character in a string", "{\"a\":\"\u0001\"}"));
        out.add(raw(
                MutationKind.BODY_MALFORMED, "invalid UTF-8", List.of(new Header("Content-Type", type)), new byte[] {
                    '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
                }));
        out.add(raw(
                MutationKind.BODY_MALFORMED,
                "valid body as text/plain",
                List.of(new Header("Content-Type", "text/plain")),
                bytes(start.body() == null ? "{}" : start.body())));
        out.add(raw(
                MutationKind.BODY_MALFORMED,
                "XML body",
                List.of(new Header("Content-Type", "application/xml")),
                bytes("<a><b>1</b></a>")));
        out.add(raw(
                MutationKind.BODY_MALFORMED,
                "bad content type parameter",
                List.of(new Header("Content-Type", type + "; charset=nonsense-\u0001")),
                bytes(start.body() == null ? "{}" : start.body())));
        out.add(json(
                MutationKind.BODY_DEEP_NESTING,
                BadValues.DEEP + " nested arrays",
                BadValues.nestedArrays(BadValues.DEEP)));
        out.add(json(
                MutationKind.BODY_DEEP_NESTING,
                BadValues.DEEP + " nested objects",
                BadValues.nestedObjects(BadValues.DEEP)));
        out.add(json(
                MutationKind.BODY_HUGE, "3 MB string property", "{\"zzPadding\":\"" + "x".repeat(HUGE_BODY) + "\"}"));
        if (body != null && body.isObject()) {
            // The valid body with 3 MB of trailing whitespace: parsable, and only its size is wrong.
            out.add(json(MutationKind.BODY_HUGE, "valid body + 3 MB whitespace", start.body() + " ".repeat(HUGE_BODY)));
        }
    }

    private FuzzRequest json(MutationKind kind, String description, String text) {
        String type =
                operation.bodyMediaType() == null || !operation.bodyMediaType().contains("json")
                        ? BadInputs.JSON_TYPE
                        : operation.bodyMediaType();
        return raw(kind, description, List.of(new Header("Content-Type", type)), bytes(text));
    }

    private FuzzRequest raw(MutationKind kind, String description, List<Header> headers, byte[] bytes) {
        return new FuzzRequest(
                kind,
                description,
                operation.method(),
                BadInputs.target(operation.path(), encodedPath(), encodedQuery()),
                headers,
                bytes);
    }

    private Map<String, String> encodedPath() {
        return encode(start.path());
    }

    private Map<String, String> encodedQuery() {
        return encode(start.query());
    }

    private static Map<String, String> encode(Map<String, String> plain) {
        Map<String, String> encoded = new java.util.LinkedHashMap<>();
        plain.forEach((k, v) -> encoded.put(
                k, java.net.URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
        return encoded;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }
}
