package org.iopcare.deploy.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chart README's table of values, generated from {@code values.schema.json} (each value's type
 * and description) and {@code values.yaml} (its default). The README keeps the table between two
 * markers; {@code ./mvnw -o test -f deploy/helm/pom.xml -Dtest=ChartReadmeTest -Dchart.readme.write=true}
 * rewrites it.
 */
final class ChartReadme {

    static final Path FILE = Chart.DIRECTORY.resolve("README.md");
    static final String BEGIN = "<!-- values:begin (generated from values.schema.json and values.yaml) -->";
    static final String END = "<!-- values:end -->";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final JsonNode schema;
    private final JsonNode values;

    ChartReadme() throws IOException {
        schema = JSON.readTree(Files.readString(Chart.DIRECTORY.resolve("values.schema.json")));
        values = new YAMLMapper().readTree(Files.readString(Chart.DIRECTORY.resolve("values.yaml")));
    }

    /** The table: one row per value, in the schema's order. */
    String table() {
        StringBuilder table = new StringBuilder("| value | type | default | description |\n|---|---|---|---|\n");
        rows("", schema, values, table);
        return table.toString();
    }

    /** The README with its table replaced by {@link #table()}. */
    String readme(String current) {
        int begin = current.indexOf(BEGIN);
        int end = current.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(FILE + " lacks the markers " + BEGIN + " … " + END);
        }
        return current.substring(0, begin + BEGIN.length()) + "\n" + table() + current.substring(end);
    }

    private void rows(String path, JsonNode node, JsonNode defaults, StringBuilder table) {
        JsonNode resolved = resolve(node);
        JsonNode properties = resolved.path("properties");
        JsonNode additional = resolve(resolved.path("additionalProperties"));
        if (properties.isObject() && !properties.isEmpty() && !isMapOfScalars(resolved)) {
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                rows(child, property.getValue(), defaults.path(property.getKey()), table);
            }
        } else if (additional.path("properties").isObject()
                && !additional.path("properties").isEmpty()) {
            // a map of objects (services): one row per field of an entry, defaults in values.yaml
            for (Map.Entry<String, JsonNode> property :
                    additional.path("properties").properties()) {
                rows(path + ".<name>." + property.getKey(), property.getValue(), missing(), table);
            }
        } else {
            table.append("| `")
                    .append(path)
                    .append("` | ")
                    .append(type(resolved))
                    .append(" | ")
                    .append(defaults.isMissingNode() ? "see values.yaml" : "`" + cell(compact(defaults)) + "`")
                    .append(" | ")
                    .append(cell(description(node, resolved)))
                    .append(" |\n");
        }
    }

    private static boolean isMapOfScalars(JsonNode node) {
        return node.path("additionalProperties").isObject()
                && node.path("properties").isEmpty();
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asString("");
        return ref.startsWith("#/") ? schema.at(ref.substring(1)) : node;
    }

    private static String description(JsonNode node, JsonNode resolved) {
        String own = node.path("description").asString("");
        String description = own.isEmpty() ? resolved.path("description").asString("") : own;
        if (resolved.has("enum")) {
            description += (description.isEmpty() ? "" : "; ") + "one of " + resolved.path("enum");
        }
        return description;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            StringBuilder types = new StringBuilder();
            type.forEach(t -> types.append(types.isEmpty() ? "" : " or ").append(t.asString()));
            return types.toString();
        }
        if (type.asString("").equals("object")
                && schema.path("additionalProperties").isObject()) {
            return "map";
        }
        return type.asString(schema.has("enum") ? "string" : "object");
    }

    private static String compact(JsonNode value) {
        return value.isString() ? "\"" + value.asString() + "\"" : value.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static JsonNode missing() {
        return tools.jackson.databind.node.MissingNode.getInstance();
    }
}
