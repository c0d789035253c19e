package org.iopcare.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iopcare.events.EventType;
import org.iopcare.events.IntegrationEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The golden files are released payloads, written as a producer on that release wrote them. Today's
 * code must read each one, lose nothing of it, and the payload must satisfy today's schema and the
 * released one. A golden file is not edited when the record gains an optional property: it stays
 * the proof that older payloads still read.
 */
class GoldenFilesTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    @ParameterizedTest
    @EnumSource(EventType.class)
    void todaysRecordReadsTheGoldenFileAndWritesBackEveryFieldUnchanged(EventType type) {
        JsonNode golden = CatalogueFiles.read(CatalogueFiles.golden(type));

        IntegrationEvent event = CatalogueFiles.MAPPER.treeToValue(golden, type.payloadType());
        JsonNode written = CatalogueFiles.MAPPER.valueToTree(event);

        for (Map.Entry<String, JsonNode> field : golden.properties()) {
            assertThat(written.get(field.getKey()))
                    .as("%s.%s after a round trip through %s", type.ceType(), field.getKey(), type.payloadType())
                    .isEqualTo(field.getValue());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void toleratesPropertiesALaterReleaseAdds(EventType type) {
        ObjectNode golden = (ObjectNode) CatalogueFiles.read(CatalogueFiles.golden(type));
        IntegrationEvent plain = CatalogueFiles.MAPPER.treeToValue(golden, type.payloadType());
        golden.put("addedInALaterRelease", "x").putObject("anotherAddition").put("code", "X");

        assertThat(CatalogueFiles.MAPPER.treeToValue(golden, type.payloadType()))
                .isEqualTo(plain);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenFileSatisfiesTodaysSchemaAndTheReleasedOne(EventType type) {
        JsonNode golden = CatalogueFiles.read(CatalogueFiles.golden(type));

        assertThat(errors(CatalogueFiles.schema(type), golden))
                .as("against today's schema")
                .isEmpty();
        assertThat(errors(CatalogueFiles.baseline(type), golden))
                .as("against the released baseline")
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenFileShowsEveryReleasedProperty(EventType type) {
        JsonNode golden = CatalogueFiles.read(CatalogueFiles.golden(type));
        JsonNode released = CatalogueFiles.read(CatalogueFiles.baseline(type));

        assertThat(golden.propertyNames())
                .as("golden file of %s", type.ceType())
                .containsAll(released.path("properties").propertyNames());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRejectsAPayloadWithoutItsRequiredProperties(EventType type) {
        ObjectNode golden = (ObjectNode) CatalogueFiles.read(CatalogueFiles.golden(type));
        golden.remove("clientId");
        golden.put("eventId", "not-a-uuid");

        assertThat(errors(CatalogueFiles.schema(type), golden))
                .extracting(Error::getKeyword)
                .contains("required", "format");
    }

    private static List<Error> errors(Path schemaFile, JsonNode payload) {
        Schema schema = SCHEMAS.getSchema(CatalogueFiles.read(schemaFile));
        return schema.validate(payload);
    }
}
