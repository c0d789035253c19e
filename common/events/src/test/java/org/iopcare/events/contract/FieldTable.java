package org.iopcare.events.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Renders an event schema as the Markdown field table of {@code docs/events.md}. */
final class FieldTable {

    private FieldTable() {}

    static String render(JsonNode schema) {
        List<String> required = new ArrayList<>();
        schema.path("required").values().forEach(name -> required.add(name.asString()));
        StringBuilder table = new StringBuilder()
                .append("| field | type | required | meaning |\n")
                .append("|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            table.append("| `")
                    .append(property.getKey())
                    .append("` | ")
                    .append(typeOf(property.getValue()))
                    .append(" | ")
                    .append(required.contains(property.getKey()) ? "yes" : "no, may be null")
                    .append(" | ")
                    .append(property.getValue().path("description").asString("").replace("|", "\\|"))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String typeOf(JsonNode property) {
        if (property.has("enum")) {
            List<String> values = new ArrayList<>();
            property.get("enum").values().stream()
                    .filter(value -> !value.isNull())
                    .forEach(value -> values.add("`" + value.asString() + "`"));
            return "enum: " + String.join(", ", values);
        }
        String type = property.path("type").isArray()
                ? property.path("type").get(0).asString()
                : property.path("type").asString();
        if (type.equals("array")) {
            return "array of " + typeOf(property.path("items"));
        }
        String format = property.path("format").asString("");
        return format.isEmpty() ? type : type + " (" + format + ")";
    }
}
