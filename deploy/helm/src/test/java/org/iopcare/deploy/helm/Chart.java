package org.iopcare.deploy.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The chart in {@code charts/iopcare}, linted and rendered by Helm's own library (no cluster). */
final class Chart {

    static final Path DIRECTORY = Path.of("charts", "iopcare");
    static final String RELEASE = "iopcare";
    static final String NAMESPACE = "iopcare";

    private static final YAMLMapper YAML = new YAMLMapper();

    private Chart() {}

    static LintResult lint() {
        return new Helm(DIRECTORY).lint().strict().call();
    }

    /** The rendered objects with the chart's defaults changed by {@code overrides} (helm --set). */
    static List<JsonNode> render(Map<String, Object> overrides) {
        return parse(renderText(overrides));
    }

    static String renderText(Map<String, Object> overrides) {
        TemplateCommand template = new Helm(DIRECTORY)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion("1.33.0");
        overrides.forEach(template::set);
        return template.call();
    }

    /** Rendered with an extra values file (helm -f), for values --set cannot express. */
    static List<JsonNode> render(Path valuesFile) {
        return parse(new Helm(DIRECTORY)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion("1.33.0")
                .withValuesFile(valuesFile)
                .call());
    }

    static List<JsonNode> render() {
        return render(Map.of());
    }

    static List<JsonNode> parse(String manifests) {
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(manifests)) {
            return documents.readAll().stream()
                    .filter(node -> node != null && !node.isNull() && !node.isMissingNode() && node.size() > 0)
                    .toList();
        }
    }

    static String id(JsonNode object) {
        return object.path("kind").asString() + "/"
                + object.path("metadata").path("name").asString();
    }
}
