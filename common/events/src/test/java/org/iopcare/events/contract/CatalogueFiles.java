package org.iopcare.events.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.iopcare.events.EventType;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the contract's checked-in files live, relative to the module (Surefire's working directory),
 * and how they are read and written.
 */
final class CatalogueFiles {

    /** The switch that rewrites generated files instead of failing on a difference. */
    static final String WRITE_PROPERTY = "iopcare.schemas.write";

    static final String REGENERATE_HINT = "regenerate with ./mvnw -B -pl common/events test"
            + " -Dtest=SchemaCatalogueTest,EventsDocTest -D" + WRITE_PROPERTY + "=true and commit the result";

    static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    static final Path BASELINE = Path.of("src/test/resources/compat-baseline");
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final Path ACCEPTED_ENUM_ADDITIONS = Path.of("src/test/resources/compat-accepted-enum-additions.txt");
    static final Path EVENTS_DOC = Path.of("../../docs/events.md");

    /** Jackson 3 as the services configure it: defaults, unknown properties tolerated. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writer()
            .with(new DefaultPrettyPrinter(
                            Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private CatalogueFiles() {}

    static boolean writeRequested() {
        return Boolean.getBoolean(WRITE_PROPERTY);
    }

    static Path schema(EventType type) {
        return SCHEMAS.resolve(type.ceType() + ".json");
    }

    static Path baseline(EventType type) {
        return BASELINE.resolve(type.ceType() + ".json");
    }

    static Path golden(EventType type) {
        return GOLDEN.resolve(type.ceType() + ".json");
    }

    static JsonNode read(Path file) {
        return MAPPER.readTree(readString(file));
    }

    static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pretty(JsonNode node) {
        return PRETTY.writeValueAsString(node) + "\n";
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code <ceType>} names of the {@code .json} files in a directory. */
    static Set<String> ceTypesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
