package org.iopcare.events.contract;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.EventType;
import org.iopcare.events.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives the JSON Schema (draft 2020-12) of an event record from its components, describing the
 * JSON that Jackson 3 writes for it by default: java.time values and UUIDs as formatted strings,
 * enums by name, nulls written out. A component is required unless it carries {@link Nullable}.
 */
final class SchemaGenerator {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private SchemaGenerator() {}

    static ObjectNode schemaFor(EventType type) {
        return schemaFor(type.payloadType(), type.ceType());
    }

    static ObjectNode schemaFor(Class<?> recordType, String ceType) {
        if (!recordType.isRecord()) {
            throw new IllegalArgumentException(recordType + " is not a record");
        }
        RecordDocs docs = RecordDocs.of(recordType);
        ObjectNode schema = CatalogueFiles.MAPPER.createObjectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", "urn:iopcare:events:" + ceType);
        schema.put("title", recordType.getSimpleName());
        if (!docs.summary().isEmpty()) {
            schema.put("description", docs.summary());
        }
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (RecordComponent component : recordType.getRecordComponents()) {
            boolean nullable = component.isAnnotationPresent(Nullable.class);
            if (nullable && component.getType().isPrimitive()) {
                throw new IllegalStateException(component + " is primitive and cannot be @Nullable");
            }
            ObjectNode property = properties.putObject(component.getName());
            String description = docs.params().get(component.getName());
            if (description != null) {
                property.put("description", description);
            }
            property.setAll(valueSchema(component.getGenericType(), component.toString()));
            if (nullable) {
                allowNull(property);
            } else {
                required.add(component.getName());
            }
        }
        schema.put("additionalProperties", true);
        return schema;
    }

    private static ObjectNode valueSchema(Type type, String where) {
        ObjectNode schema = CatalogueFiles.MAPPER.createObjectNode();
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            schema.put("type", "array");
            schema.set("items", valueSchema(generic.getActualTypeArguments()[0], where + " items"));
            return schema;
        }
        if (!(type instanceof Class<?> raw)) {
            throw new IllegalArgumentException("No JSON mapping for " + type + " (" + where + ")");
        }
        if (raw == String.class) {
            schema.put("type", "string");
        } else if (raw == UUID.class) {
            schema.put("type", "string").put("format", "uuid");
        } else if (raw == Instant.class) {
            schema.put("type", "string").put("format", "date-time");
        } else if (raw == LocalDate.class) {
            schema.put("type", "string").put("format", "date");
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            schema.put("type", "integer");
        } else if (raw.isEnum()) {
            schema.put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
        } else {
            // A new kind of value needs a deliberate decision about its wire form: add it here.
            throw new IllegalArgumentException("No JSON mapping for " + raw.getName() + " (" + where + ")");
        }
        return schema;
    }

    private static void allowNull(ObjectNode property) {
        String type = property.get("type").stringValue();
        property.putArray("type").add(type).add("null");
        if (property.has("enum")) {
            ((ArrayNode) property.get("enum")).addNull();
        }
    }
}
