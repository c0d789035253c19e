package org.iopcare.events.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iopcare.events.contract.CatalogueFiles.REGENERATE_HINT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.iopcare.events.EventType;
import org.iopcare.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The checked-in JSON Schemas are what today's records produce, and today's records still read and
 * write what was released. The two checks use different files on purpose: the schemas under
 * {@code src/main/resources/schemas} are regenerated, the released baselines under
 * {@code compat-baseline} never are, so regenerating cannot accept a breaking change.
 */
class SchemaCatalogueTest {

    /**
     * With {@code -Diopcare.schemas.write=true}: rewrites the schemas that differ, and gives a type
     * that has no baseline yet (its first release: nothing earlier to break) its schema as baseline.
     * An existing baseline is never rewritten, so the compatibility check below still judges today's
     * record against what was released.
     */
    @BeforeAll
    static void regenerateWhenAsked() {
        if (!CatalogueFiles.writeRequested()) {
            return;
        }
        for (EventType type : EventType.values()) {
            JsonNode generated = SchemaGenerator.schemaFor(type);
            Path file = CatalogueFiles.schema(type);
            if (!Files.exists(file) || !CatalogueFiles.read(file).equals(generated)) {
                CatalogueFiles.write(file, CatalogueFiles.pretty(generated));
            }
            if (!Files.exists(CatalogueFiles.baseline(type))) {
                CatalogueFiles.write(CatalogueFiles.baseline(type), CatalogueFiles.pretty(generated));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void checkedInSchemaIsWhatTodaysRecordGenerates(EventType type) {
        JsonNode generated = SchemaGenerator.schemaFor(type);
        Path file = CatalogueFiles.schema(type);

        assertThat(file)
                .as("no schema checked in for %s; %s", type.ceType(), REGENERATE_HINT)
                .exists();
        assertThat(CatalogueFiles.read(file))
                .as(
                        "%s differs from what %s generates today; %s",
                        file, type.payloadType().getSimpleName(), REGENERATE_HINT)
                .isEqualTo(generated);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void todaysRecordIsCompatibleWithTheReleasedBaseline(EventType type) {
        Path baseline = CatalogueFiles.baseline(type);
        JsonNode generated = SchemaGenerator.schemaFor(type);

        assertThat(baseline)
                .as("%s has no released baseline; a type enters the catalogue with one (%s)", type, REGENERATE_HINT)
                .exists();

        List<String> problems =
                compatibilityCheck().breakingChanges(type.ceType(), CatalogueFiles.read(baseline), generated);

        assertThat(problems)
                .as(
                        "%s is no longer compatible with the released %s. A released baseline is never edited:"
                                + " within a version only optional (@Nullable) properties may be added; a breaking"
                                + " change is a new .v%d type, published beside .v%d until every consumer moved"
                                + " (docs/events.md, Compatibility)",
                        type.payloadType().getSimpleName(), baseline, type.version() + 1, type.version())
                .isEmpty();
    }

    @Test
    void everyTypeHasASchemaAGoldenFileAndABaselineAndNothingElseHasOne() {
        Set<String> catalogue =
                Arrays.stream(EventType.values()).map(EventType::ceType).collect(Collectors.toCollection(TreeSet::new));

        assertThat(CatalogueFiles.ceTypesIn(CatalogueFiles.SCHEMAS))
                .as("schemas")
                .isEqualTo(catalogue);
        assertThat(CatalogueFiles.ceTypesIn(CatalogueFiles.GOLDEN))
                .as("golden files")
                .isEqualTo(catalogue);
        assertThat(CatalogueFiles.ceTypesIn(CatalogueFiles.BASELINE))
                .as("baselines")
                .isEqualTo(catalogue);
    }

    @Test
    void topicsAllIsExactlyTheTopicsOfTheCatalogue() {
        Set<String> published =
                Arrays.stream(EventType.values()).map(EventType::topic).collect(Collectors.toSet());

        assertThat(Topics.ALL).doesNotHaveDuplicates();
        assertThat(Set.copyOf(Topics.ALL)).isEqualTo(published);
    }

    @Test
    void acceptedEnumAdditionsNameRealValuesOfTheCatalogue() {
        for (String entry : acceptedEnumAdditions()) {
            String[] parts = entry.split(" ");
            assertThat(parts)
                    .as("'%s': expected <ceType> <property> <VALUE>", entry)
                    .hasSize(3);
            EventType type = EventType.forCeType(parts[0])
                    .orElseThrow(() -> new AssertionError(entry + ": not a type of the catalogue"));
            JsonNode property =
                    SchemaGenerator.schemaFor(type).path("properties").path(parts[1].replace("[]", ""));
            JsonNode values = parts[1].endsWith("[]") ? property.path("items").path("enum") : property.path("enum");
            assertThat(values.values().stream().map(JsonNode::asString))
                    .as(entry)
                    .contains(parts[2]);
        }
    }

    static CompatibilityCheck compatibilityCheck() {
        return new CompatibilityCheck(acceptedEnumAdditions());
    }

    private static Set<String> acceptedEnumAdditions() {
        return CatalogueFiles.readString(CatalogueFiles.ACCEPTED_ENUM_ADDITIONS)
                .lines()
                .map(line -> line.replaceFirst("#.*", "").strip().replaceAll("\\s+", " "))
                .filter(line -> !line.isEmpty())
                .collect(Collectors.toSet());
    }
}
