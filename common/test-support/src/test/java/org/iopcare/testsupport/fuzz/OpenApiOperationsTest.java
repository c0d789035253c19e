package org.iopcare.testsupport.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.iopcare.testsupport.fuzz.OpenApiOperations.Operation;
import org.junit.jupiter.api.Test;

class OpenApiOperationsTest {

    static String sample() {
        try (InputStream in = OpenApiOperationsTest.class.getResourceAsStream("/fuzz/sample-api-docs.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Operation operation(String key) {
        return OpenApiOperations.read(sample()).stream()
                .filter(o -> o.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void readsEveryOperationSortedByPathThenMethod() {
        List<String> keys =
                OpenApiOperations.read(sample()).stream().map(Operation::key).toList();

        assertThat(keys)
                .containsExactly("POST /api/hooks", "GET /api/things", "POST /api/things", "GET /api/things/{id}");
    }

    @Test
    void resolvesTheBodySchemaReferencesIntoComponents() {
        Operation create = operation("POST /api/things");

        assertThat(create.bodyMediaType()).isEqualTo("application/json");
        assertThat(create.bodyRequired()).isTrue();
        assertThat(create.bodySchema().path("properties").propertyNames()).contains("name", "due", "contact");
        assertThat(create.bodySchema()
                        .at("/properties/contact/properties/email/format")
                        .asString())
                .isEqualTo("email");
        assertThat(create.writes()).isTrue();
    }

    @Test
    void keepsParametersWithWhereTheyGo() {
        assertThat(operation("POST /api/things").in("header"))
                .extracting(OpenApiOperations.Parameter::name)
                .containsExactly("Idempotency-Key");
        assertThat(operation("GET /api/things").in("query"))
                .extracting(OpenApiOperations.Parameter::name)
                .containsExactly("status", "page");
        assertThat(operation("GET /api/things/{id}")
                        .in("path")
                        .get(0)
                        .schema()
                        .path("format")
                        .asString())
                .isEqualTo("uuid");
        assertThat(operation("POST /api/hooks").bodyMediaType()).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void classifiesEverySchemaKind() {
        var properties = operation("POST /api/things").bodySchema().path("properties");

        assertThat(ValueKind.of(properties.get("name"))).isEqualTo(ValueKind.STRING);
        assertThat(ValueKind.of(properties.get("due"))).isEqualTo(ValueKind.DATE);
        assertThat(ValueKind.of(properties.get("at"))).isEqualTo(ValueKind.DATE_TIME);
        assertThat(ValueKind.of(properties.get("from"))).isEqualTo(ValueKind.TIME);
        assertThat(ValueKind.of(properties.get("owner"))).isEqualTo(ValueKind.UUID);
        assertThat(ValueKind.of(properties.get("kind"))).isEqualTo(ValueKind.ENUM);
        assertThat(ValueKind.of(properties.get("count"))).isEqualTo(ValueKind.INTEGER);
        assertThat(ValueKind.of(properties.get("weight"))).isEqualTo(ValueKind.NUMBER);
        assertThat(ValueKind.of(properties.get("urgent"))).isEqualTo(ValueKind.BOOLEAN);
        assertThat(ValueKind.of(properties.get("tags"))).isEqualTo(ValueKind.ARRAY);
        assertThat(ValueKind.of(properties.get("contact"))).isEqualTo(ValueKind.OBJECT);
        assertThat(ValueKind.of(properties.at("/contact/properties/phone"))).isEqualTo(ValueKind.STRING);
    }
}
