package org.iopcare.deploy.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What each service's own configuration binds: its application.yaml over the defaults every
 * service shares (common/service-support's iopcare-service-defaults.yaml), read as Spring reads
 * them.
 */
final class ServiceBindings {

    static final Set<String> SERVICES =
            Set.of("intake-service", "scheduling-service", "treatment-plan-service", "notification-service");

    private static final Pattern INPUT =
            Pattern.compile("spring\\.cloud\\.stream\\.bindings\\.([^.]+-in-\\d+)\\.destination");
    private static final Path DEFAULTS = Path.of(
            "..", "..", "common", "service-support", "src", "main", "resources", "iopcare-service-defaults.yaml");

    /** One consumer binding: the topic it reads, its consumer group and its dead-letter topic. */
    record Input(String binding, String topic, String group, String deadLetterTopic) {}

    private ServiceBindings() {}

    /** service name → destinations of its {@code *-in-N} bindings. */
    static Map<String, Set<String>> consumed() {
        Map<String, Set<String>> consumed = new TreeMap<>();
        for (String service : SERVICES) {
            Set<String> topics = new TreeSet<>();
            inputs(service).forEach(input -> topics.add(input.topic()));
            consumed.put(service, topics);
        }
        return consumed;
    }

    /** The consumer bindings of a service, one per topic (a comma-separated destination binds several). */
    static List<Input> inputs(String service) {
        Map<String, String> properties = new TreeMap<>();
        read(DEFAULTS, properties);
        read(Path.of("..", "..", service, "src", "main", "resources", "application.yaml"), properties);
        List<Input> inputs = new ArrayList<>();
        properties.forEach((key, value) -> {
            Matcher input = INPUT.matcher(key);
            if (!input.matches()) {
                return;
            }
            String binding = input.group(1);
            String group = resolve(
                    properties.getOrDefault(
                            "spring.cloud.stream.bindings." + binding + ".group",
                            properties.get("spring.cloud.stream.default.group")),
                    properties);
            String dlqName = properties.get("spring.cloud.stream.kafka.bindings." + binding + ".consumer.dlq-name");
            for (String topic : value.split(",")) {
                String trimmed = topic.trim();
                inputs.add(new Input(
                        binding,
                        trimmed,
                        group,
                        dlqName != null ? resolve(dlqName, properties) : "error." + trimmed + "." + group));
            }
        });
        return inputs;
    }

    /** The ${…} placeholders of a value, from the same properties. */
    private static String resolve(String value, Map<String, String> properties) {
        if (value == null) {
            throw new IllegalStateException("a consumer binding without a group");
        }
        Matcher placeholder = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}").matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            String replacement = properties.getOrDefault(placeholder.group(1), placeholder.group(2));
            if (replacement == null) {
                throw new IllegalStateException("unresolvable " + placeholder.group());
            }
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(resolve(replacement, properties)));
        }
        return placeholder.appendTail(resolved).toString();
    }

    private static void read(Path file, Map<String, String> into) {
        // every document of the file: profile-specific documents may bind topics too
        try (MappingIterator<JsonNode> documents =
                new YAMLMapper().readerFor(JsonNode.class).readValues(Files.readString(file))) {
            while (documents.hasNextValue()) {
                flatten("", documents.nextValue(), into);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
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
