package org.iopcare.deploy.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** What each service's own application.yaml binds: the topics it consumes today. */
final class ServiceBindings {

    static final Set<String> SERVICES =
            Set.of("intake-service", "scheduling-service", "treatment-plan-service", "notification-service");

    private static final Pattern INPUT =
            Pattern.compile("spring\\.cloud\\.stream\\.bindings\\.[^.]+-in-\\d+\\.destination");

    private ServiceBindings() {}

    /** service name → destinations of its {@code *-in-N} bindings. */
    static Map<String, Set<String>> consumed() {
        Map<String, Set<String>> consumed = new TreeMap<>();
        for (String service : SERVICES) {
            Path file = Path.of("..", "..", service, "src", "main", "resources", "application.yaml");
            try {
                Map<String, String> properties = new TreeMap<>();
                // every document of the file: profile-specific documents may bind topics too
                try (MappingIterator<JsonNode> documents =
                        new YAMLMapper().readerFor(JsonNode.class).readValues(Files.readString(file))) {
                    while (documents.hasNextValue()) {
                        flatten("", documents.nextValue(), properties);
                    }
                }
                Set<String> topics = new TreeSet<>();
                properties.forEach((key, value) -> {
                    Matcher input = INPUT.matcher(key);
                    if (input.matches()) {
                        // a comma-separated destination binds several topics
                        for (String topic : value.split(",")) {
                            topics.add(topic.trim());
                        }
                    }
                });
                consumed.put(service, topics);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return consumed;
    }

    /** Spring's view of a YAML file: nested and dotted keys alike become one dotted name. */
    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                flatten(prefix.isEmpty() ? child.getKey() : prefix + "." + child.getKey(), child.getValue(), into);
            }
        } else if (node.isValueNode()) {
            into.put(prefix, node.asString());
        }
    }
}
