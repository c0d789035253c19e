package org.iopcare.events.contract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Compares today's schema of an event type with its released baseline and lists what would break a
 * consumer or a producer still on the released version. Within a version only optional properties
 * may be added; everything a released payload says keeps its name, type, format, nullability and
 * meaning. Descriptions may change freely.
 *
 * <p>Adding an enum value breaks consumers that still run the released enum (Jackson rejects an
 * unknown constant, and the record ends in the dead-letter topic), so it is reported too, unless it
 * is listed as accepted: {@code <ceType> <property> <VALUE>} in
 * {@code compat-accepted-enum-additions.txt}, which records that every consumer deploys the new
 * constant before the producer starts sending it.
 */
final class CompatibilityCheck {

    private final Set<String> acceptedEnumAdditions;

    CompatibilityCheck(Set<String> acceptedEnumAdditions) {
        this.acceptedEnumAdditions = Set.copyOf(acceptedEnumAdditions);
    }

    /** Each breaking change as a sentence naming the property; empty when compatible. */
    List<String> breakingChanges(String ceType, JsonNode baseline, JsonNode current) {
        List<String> problems = new ArrayList<>();
        if (!current.path("additionalProperties").asBoolean(true)) {
            problems.add("additionalProperties must stay true: consumers tolerate additions");
        }
        Set<String> baseRequired = names(baseline.path("required"));
        Set<String> currentRequired = names(current.path("required"));
        JsonNode baseProperties = baseline.path("properties");
        JsonNode currentProperties = current.path("properties");
        for (String name : baseProperties.propertyNames()) {
            if (!currentProperties.has(name)) {
                problems.add(name + ": removed or renamed");
                continue;
            }
            if (baseRequired.contains(name) && !currentRequired.contains(name)) {
                problems.add(name + ": was required, is now optional");
            } else if (!baseRequired.contains(name) && currentRequired.contains(name)) {
                problems.add(name + ": was optional, is now required");
            }
            compareValues(ceType, name, baseProperties.get(name), currentProperties.get(name), problems);
        }
        for (String name : currentProperties.propertyNames()) {
            if (!baseProperties.has(name) && currentRequired.contains(name)) {
                problems.add(name + ": new property is required; add it as @Nullable (optional) or make a new version");
            }
        }
        return problems;
    }

    private void compareValues(String ceType, String path, JsonNode base, JsonNode current, List<String> problems) {
        Set<String> baseTypes = names(base.path("type"));
        Set<String> currentTypes = names(current.path("type"));
        if (baseTypes.contains("null") != currentTypes.contains("null")) {
            problems.add(path + ": nullability changed from " + baseTypes + " to " + currentTypes);
        }
        baseTypes.remove("null");
        currentTypes.remove("null");
        if (!baseTypes.equals(currentTypes)) {
            problems.add(path + ": type changed from " + baseTypes + " to " + currentTypes);
        }
        String baseFormat = base.path("format").asString(null);
        String currentFormat = current.path("format").asString(null);
        if (!Objects.equals(baseFormat, currentFormat)) {
            problems.add(path + ": format changed from " + baseFormat + " to " + currentFormat);
        }
        compareEnums(ceType, path, base, current, problems);
        if (base.has("items") || current.has("items")) {
            compareValues(ceType, path + "[]", base.path("items"), current.path("items"), problems);
        }
    }

    private void compareEnums(String ceType, String path, JsonNode base, JsonNode current, List<String> problems) {
        if (!base.has("enum") && !current.has("enum")) {
            return;
        }
        if (base.has("enum") != current.has("enum")) {
            problems.add(path + ": enum constraint " + (base.has("enum") ? "removed" : "added"));
            return;
        }
        // null in an enum only mirrors nullability, which is compared with the type
        Set<String> baseValues = names(base.get("enum"));
        Set<String> currentValues = names(current.get("enum"));
        baseValues.remove("null");
        currentValues.remove("null");
        for (String value : baseValues) {
            if (!currentValues.contains(value)) {
                problems.add(path + ": enum value " + value + " removed");
            }
        }
        for (String value : currentValues) {
            if (!baseValues.contains(value) && !acceptedEnumAdditions.contains(ceType + " " + path + " " + value)) {
                problems.add(path + ": enum value " + value + " added; consumers on the released enum would reject"
                        + " it. Deploy consumers first and list '" + ceType + " " + path + " " + value
                        + "' in compat-accepted-enum-additions.txt, or make a new version");
            }
        }
    }

    /** The strings of a string-or-array keyword ({@code type}, {@code required}, {@code enum}). */
    private static Set<String> names(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        if (node.isString()) {
            names.add(node.stringValue());
        } else if (node.isArray()) {
            node.values().forEach(value -> names.add(value.isNull() ? "null" : value.asString()));
        }
        return names;
    }
}
