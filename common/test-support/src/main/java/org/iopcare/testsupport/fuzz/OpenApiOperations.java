package org.iopcare.testsupport.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations an OpenAPI 3 description (springdoc's {@code /v3/api-docs}) declares, with their
 * parameters and request body schema, {@code $ref}s into {@code components.schemas} resolved.
 */
public final class OpenApiOperations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    // Recursive schemas (a node holding nodes) are cut here; fuzzing deeper adds requests, not findings.
    private static final int MAX_REF_DEPTH = 8;

    /** A parameter in the path, query or a header. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {}

    /**
     * One method on one path. {@code bodySchema} is null when the operation takes no body;
     * {@code bodyMediaType} is the first media type the body is declared for.
     */
    public record Operation(
            String method,
            String path,
            String operationId,
            List<Parameter> parameters,
            String bodyMediaType,
            JsonNode bodySchema,
            boolean bodyRequired) {

        public boolean writes() {
            return !method.equals("GET");
        }

        public List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }

        /** "POST /api/inquiries", the name an operation has in reports and in per-operation settings. */
        public String key() {
            return method + " " + path;
        }
    }

    private OpenApiOperations() {}

    public static List<Operation> read(String apiDocs) {
        return read(JSON.readTree(apiDocs));
    }

    /** Every operation, sorted by path then method so runs are reproducible. */
    public static List<Operation> read(JsonNode docs) {
        JsonNode schemas = docs.path("components").path("schemas");
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
            List<JsonNode> shared = list(path.getValue().path("parameters"));
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (METHODS.contains(entry.getKey())) {
                    operations.add(operation(path.getKey(), entry.getKey(), entry.getValue(), shared, schemas));
                }
            }
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return List.copyOf(operations);
    }

    private static Operation operation(
            String path, String method, JsonNode node, List<JsonNode> shared, JsonNode schemas) {
        List<Parameter> parameters = new ArrayList<>();
        List<JsonNode> declared = new ArrayList<>(shared);
        declared.addAll(list(node.path("parameters")));
        for (JsonNode p : declared) {
            parameters.add(new Parameter(
                    p.path("name").asString(),
                    p.path("in").asString(),
                    p.path("required").asBoolean(false),
                    resolve(p.path("schema"), schemas, 0)));
        }
        String mediaType = null;
        JsonNode bodySchema = null;
        JsonNode content = node.path("requestBody").path("content");
        if (!content.isMissingNode() && !content.propertyNames().isEmpty()) {
            mediaType = content.propertyNames().iterator().next();
            bodySchema = resolve(content.path(mediaType).path("schema"), schemas, 0);
        }
        return new Operation(
                method.toUpperCase(Locale.ROOT),
                path,
                node.path("operationId").asString(""),
                List.copyOf(parameters),
                mediaType,
                bodySchema,
                node.path("requestBody").path("required").asBoolean(false));
    }

    /** A copy of the schema with every {@code $ref} replaced by its target, to a bounded depth. */
    static JsonNode resolve(JsonNode schema, JsonNode schemas, int depth) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (schema.has("$ref")) {
            if (depth >= MAX_REF_DEPTH) {
                return JsonNodeFactory.instance.objectNode().put("type", "object");
            }
            String ref = schema.get("$ref").asString();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            return resolve(schemas.path(name), schemas, depth + 1);
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : schema.properties()) {
            JsonNode value = e.getValue();
            switch (e.getKey()) {
                case "properties" -> {
                    ObjectNode properties = copy.putObject("properties");
                    for (Map.Entry<String, JsonNode> p : value.properties()) {
                        properties.set(p.getKey(), resolve(p.getValue(), schemas, depth));
                    }
                }
                case "items" -> copy.set("items", resolve(value, schemas, depth));
                case "additionalProperties" ->
                    copy.set("additionalProperties", value.isObject() ? resolve(value, schemas, depth) : value);
                case "allOf", "oneOf", "anyOf" -> {
                    var parts = copy.putArray(e.getKey());
                    for (JsonNode part : value) {
                        parts.add(resolve(part, schemas, depth));
                    }
                }
                default -> copy.set(e.getKey(), value);
            }
        }
        return merged(copy);
    }

    /** allOf parts folded into one object schema, so callers see one set of properties. */
    private static JsonNode merged(ObjectNode schema) {
        if (!schema.has("allOf")) {
            return schema;
        }
        ObjectNode properties = schema.has("properties")
                ? (ObjectNode) schema.get("properties")
                : JsonNodeFactory.instance.objectNode();
        for (JsonNode part : schema.get("allOf")) {
            if (part.has("properties")) {
                properties.setAll((ObjectNode) part.get("properties"));
            }
            if (!schema.has("type") && part.has("type")) {
                schema.set("type", part.get("type"));
            }
        }
        schema.remove("allOf");
        if (!properties.isEmpty()) {
            schema.set("properties", properties);
            schema.put("type", "object");
        }
        return schema;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }
}
