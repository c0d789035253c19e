package org.iopcare.deploy.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
        return renderText(RELEASE, overrides);
    }

    /** Rendered as release {@code release}, in the same namespace as every other rendering. */
    static String renderText(String release, Map<String, Object> overrides) {
        TemplateCommand template = new Helm(DIRECTORY)
                .template()
                .withName(release)
                .withNamespace(NAMESPACE)
                .withKubeVersion("1.33.0");
        overrides.forEach(template::set);
        return template.call();
    }

    /**
     * Rendered with the {@code helm test} hooks as well, which {@code helm template} through the
     * library leaves out: a copy of the chart in {@code workDirectory} with the hook annotation
     * renamed, so the hook pods render as plain objects.
     */
    static List<JsonNode> renderWithTestHooks(Path workDirectory, String release) {
        Path copy = workDirectory.resolve("iopcare");
        try (Stream<Path> files = Files.walk(DIRECTORY)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(DIRECTORY.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.writeString(target, Files.readString(file).replace(HOOK, "iopcare.org/rendered-hook:"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(new Helm(copy)
                .template()
                .withName(release)
                .withNamespace(NAMESPACE)
                .withKubeVersion("1.33.0")
                .call());
    }

    static final String HOOK = "helm.sh/hook:";

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

    /** The name of one of the default release's objects: {@code <release>-<name>}. */
    static String name(String name) {
        return RELEASE + "-" + name;
    }

    /** What an object belongs to: its {@code app.kubernetes.io/name} label, else its name. */
    static String component(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        return metadata.path("labels")
                .path("app.kubernetes.io/name")
                .asString(metadata.path("name").asString());
    }

    static String id(JsonNode object) {
        return object.path("kind").asString() + "/"
                + object.path("metadata").path("name").asString();
    }
}
