package org.iopcare.testsupport.fuzz;

import tools.jackson.databind.JsonNode;

/** What kind of value a schema (or, without one, an example value) describes, as far as bad input goes. */
enum ValueKind {
    STRING,
    UUID,
    DATE,
    DATE_TIME,
    TIME,
    ENUM,
    INTEGER,
    NUMBER,
    BOOLEAN,
    ARRAY,
    OBJECT,
    ANY;

    static ValueKind of(JsonNode schema) {
        if (schema == null || schema.isMissingNode() || schema.isEmpty()) {
            return ANY;
        }
        for (String choice : new String[] {"oneOf", "anyOf"}) {
            if (schema.has(choice) && !schema.get(choice).isEmpty()) {
                return of(schema.get(choice).get(0));
            }
        }
        if (schema.has("enum")) {
            return ENUM;
        }
        String format = schema.path("format").asString("");
        return switch (type(schema)) {
            case "string" ->
                switch (format) {
                    case "uuid" -> UUID;
                    case "date" -> DATE;
                    case "date-time" -> DATE_TIME;
                    case "time", "partial-time" -> TIME;
                    default -> STRING;
                };
            case "integer" -> INTEGER;
            case "number" -> NUMBER;
            case "boolean" -> BOOLEAN;
            case "array" -> ARRAY;
            case "object" -> OBJECT;
            default -> schema.has("properties") ? OBJECT : ANY;
        };
    }

    /** The kind of a value seen in an example body, when the schema says nothing. */
    static ValueKind ofExample(JsonNode value) {
        if (value.isObject()) {
            return OBJECT;
        }
        if (value.isArray()) {
            return ARRAY;
        }
        if (value.isBoolean()) {
            return BOOLEAN;
        }
        if (value.isIntegralNumber()) {
            return INTEGER;
        }
        if (value.isNumber()) {
            return NUMBER;
        }
        return value.isString() ? STRING : ANY;
    }

    boolean isLeaf() {
        return this != ARRAY && this != OBJECT;
    }

    // OpenAPI 3.1 writes "type": ["string", "null"]; the first non-null entry is the type.
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
            return "";
        }
        return type.asString("");
    }
}
