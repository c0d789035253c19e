package org.iopcare.testsupport.fuzz;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plausible valid value for a schema, so that a request carries one bad value at a time and the
 * rest of it gets past validation. Schema examples win; otherwise the format, then the property
 * name, then the bounds decide.
 */
final class SchemaExamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    private final Random random;

    SchemaExamples(Random random) {
        this.random = random;
    }

    JsonNode example(String name, JsonNode schema) {
        return example(name, schema, 0);
    }

    private JsonNode example(String name, JsonNode schema, int depth) {
        if (schema.has("example") && !schema.get("example").isNull()) {
            return schema.get("example");
        }
        if (schema.has("default") && !schema.get("default").isNull()) {
            return schema.get("default");
        }
        ValueKind kind = ValueKind.of(schema);
        return switch (kind) {
            case ENUM -> schema.get("enum").get(0);
            case UUID -> NODES.stringNode(new java.util.UUID(random.nextLong(), random.nextLong()).toString());
            case DATE -> NODES.stringNode("2026-03-02");
            case DATE_TIME -> NODES.stringNode("2026-03-02T15:00:00Z");
            case TIME -> NODES.stringNode("10:00:00");
            case INTEGER -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case NUMBER -> NODES.numberNode(Math.max(1.0, schema.path("minimum").asDouble(1.0)));
            case BOOLEAN -> NODES.booleanNode(true);
            case STRING -> NODES.stringNode(string(name, schema));
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(1, schema.path("minItems").asInt(1));
                if (depth < MAX_DEPTH) {
                    for (int i = 0; i < items; i++) {
                        array.add(example(name, schema.path("items"), depth + 1));
                    }
                }
                yield array;
            }
            case OBJECT -> object(schema, depth);
            case ANY -> NODES.stringNode("x");
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth >= MAX_DEPTH) {
            return object;
        }
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            if (!p.getValue().path("readOnly").asBoolean(false)) {
                object.set(p.getKey(), example(p.getKey(), p.getValue(), depth + 1));
            }
        }
        if (schema.path("additionalProperties").isObject() && object.isEmpty()) {
            object.set("key", example("key", schema.get("additionalProperties"), depth + 1));
        }
        return object;
    }

    private static String string(String name, JsonNode schema) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        String format = schema.path("format").asString("");
        String value;
        if (format.equals("email") || lower.contains("email")) {
            value = "fuzz@example.org";
        } else if (lower.contains("phone")) {
            value = "+16175550100";
        } else if (lower.contains("zone")) {
            value = "America/Chicago";
        } else if (lower.contains("code")) {
            value = "FUZZ-1";
        } else {
            value = "Fuzz";
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        while (value.length() < min) {
            value = value + "x";
        }
        return value.length() > max ? value.substring(0, max) : value;
    }
}
