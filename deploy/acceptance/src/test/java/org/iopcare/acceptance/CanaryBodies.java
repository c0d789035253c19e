package org.iopcare.acceptance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A body for an operation from its OpenAPI schema with the canary in every free-text field: enums
 * take their first value, numbers their minimum, dates and ids valid values, and every other string
 * the canary (its email or phone where the field is one). Some bodies pass validation, some are
 * refused; both are what a log check needs.
 */
final class CanaryBodies {

    private final Canary canary;
    private final Map<String, String> ids;

    /**
     * @param ids known ids by field or path-segment name ({@code clientId}, {@code clients}, {@code
     *     inquiryId} ...); any other uuid is random
     */
    CanaryBodies(Canary canary, Map<String, String> ids) {
        this.canary = canary;
        this.ids = ids;
    }

    /** The URL with each path parameter replaced by the id known for the segment before it. */
    String url(WriteOperations.Operation operation) {
        String[] segments = operation.path().split("/");
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                String before = i > 0 ? segments[i - 1] : "";
                segments[i] = ids.getOrDefault(before, UUID.randomUUID().toString());
            }
        }
        return operation.baseUrl() + String.join("/", segments);
    }

    /** The body as text, JSON or form-encoded as the operation takes it. */
    String body(WriteOperations.Operation operation) {
        Object value = value("body", operation.body(), operation.document(), 0);
        if (operation.contentType().contains("x-www-form-urlencoded") && value instanceof Map<?, ?> form) {
            return form.entrySet().stream()
                    .map(e -> Http.encode(String.valueOf(e.getKey())) + "=" + Http.encode(String.valueOf(e.getValue())))
                    .collect(Collectors.joining("&"));
        }
        return Http.JSON.writeValueAsString(value);
    }

    private Object value(String name, JsonNode schema, JsonNode document, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 8) {
            return null;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return value(name, document.at(ref.substring(1)), document, depth + 1);
        }
        String type = schema.path("type").asString();
        if (schema.has("properties") || type.equals("object")) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> property :
                    schema.path("properties").properties()) {
                object.put(property.getKey(), value(property.getKey(), property.getValue(), document, depth + 1));
            }
            return object;
        }
        return switch (type) {
            case "array" -> array(name, schema, document, depth);
            case "integer", "number" ->
                schema.has("minimum") ? schema.get("minimum").asInt() : 1;
            case "boolean" -> Boolean.TRUE;
            default -> string(name, schema);
        };
    }

    private List<Object> array(String name, JsonNode schema, JsonNode document, int depth) {
        int count = Math.max(1, schema.path("minItems").asInt(1));
        if (schema.has("maxItems")) {
            count = Math.min(count, schema.get("maxItems").asInt());
        }
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(value(name, schema.path("items"), document, depth + 1));
        }
        return items;
    }

    private Object string(String name, JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String text = switch (schema.path("format").asString()) {
            case "uuid" -> ids.getOrDefault(name, UUID.randomUUID().toString());
            case "date" -> LocalDate.now().plusDays(1).toString();
            case "date-time" -> Instant.now().minusSeconds(3600).toString();
            case "email" -> canary.email();
            default ->
                lower.contains("phone") || lower.equals("from") || lower.equals("to")
                        ? canary.phone()
                        : canary.note(name);
        };
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return text.length() > max ? text.substring(0, Math.max(max, 0)) : text;
    }
}
