package org.iopcare.testsupport.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.iopcare.testsupport.fuzz.OpenApiOperations.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.JsonNodeFactory;

class BadInputsTest {

    static final ValidRequest NONE = new ValidRequest(Map.of(), Map.of(), null);

    @Test
    void theSameSeedGivesTheSameRequestsAndAnotherSeedOtherUnknownIds() {
        Operation get = OpenApiOperationsTest.operation("GET /api/things/{id}");

        List<String> first = targets(new BadInputs(7).forOperation(get, NONE));
        List<String> again = targets(new BadInputs(7).forOperation(get, NONE));
        List<String> other = targets(new BadInputs(8).forOperation(get, NONE));

        assertThat(first).isEqualTo(again);
        assertThat(first).isNotEqualTo(other);
    }

    @Test
    void everyBodyFieldGetsNullAWrongTypeAndTheBadValuesOfItsKind() {
        List<FuzzRequest> requests =
                new BadInputs(1).forOperation(OpenApiOperationsTest.operation("POST /api/things"), NONE);

        for (String field : List.of(
                "/name",
                "/due",
                "/at",
                "/from",
                "/owner",
                "/kind",
                "/count",
                "/weight",
                "/urgent",
                "/tags",
                "/tags/0",
                "/contact",
                "/contact/email",
                "/contact/phone")) {
            assertThat(descriptions(requests))
                    .as(field)
                    .contains("body " + field + " = null")
                    .anyMatch(d -> d.startsWith("body " + field + " = ") && d.endsWith(" instead"));
        }
        assertThat(bodies(requests))
                .contains("\"name\":\"\\u0000\"")
                .contains("\"due\":\"+6000000-01-01\"")
                .contains("\"at\":\"" + java.time.Instant.MAX + "\"")
                .contains("\"count\":1e400")
                .contains("\"count\":9223372036854775808")
                .contains("\"tags\":" + "[".repeat(BadValues.DEEP));
        assertThat(descriptions(requests))
                .contains("no body", "truncated JSON", "5000 nested arrays", "3 MB string property", "invalid UTF-8");
    }

    @Test
    void pathQueryAndPagingValuesGoOutVerbatim() {
        List<FuzzRequest> get =
                new BadInputs(1).forOperation(OpenApiOperationsTest.operation("GET /api/things/{id}"), NONE);
        List<FuzzRequest> list =
                new BadInputs(1).forOperation(OpenApiOperationsTest.operation("GET /api/things"), NONE);

        assertThat(targets(get))
                .contains("/api/things/%2F", "/api/things/%00", "/api/things/%5C", "/api/things/|", "/api/things/..")
                .contains("/api/things/" + "a".repeat(10_000));
        assertThat(targets(list))
                .contains("/api/things?status=%00", "/api/things?status=OPEN&page=1e400", "/api/things")
                .contains("/api/things?status=OPEN&page=2147483647&size=200");
    }

    @Test
    void formBodiesHaveEachFieldSpoiled() {
        List<FuzzRequest> requests = new BadInputs(1)
                .forOperation(OpenApiOperationsTest.operation("POST /api/hooks"), ValidRequest.form("From=a&Body=b"));

        assertThat(bodies(requests)).contains("From=%00&Body=b", "From=a&Body=%FF%FE");
        assertThat(requests).allMatch(r -> r.kind() != MutationKind.BODY_MISSING || r.body() == null);
    }

    @ParameterizedTest
    @EnumSource(ValueKind.class)
    void everyKindOfValueHasBadValuesBeyondNull(ValueKind kind) {
        var schema = JsonNodeFactory.instance.objectNode();
        schema.putArray("enum").add("A");

        assertThat(BadValues.forField(kind, schema, null))
                .hasSizeGreaterThan(3)
                .extracting(BadValues.BadValue::kind)
                .contains(MutationKind.BODY_NULL, MutationKind.BODY_WRONG_TYPE);
    }

    private static List<String> targets(List<FuzzRequest> requests) {
        return requests.stream().map(FuzzRequest::target).toList();
    }

    private static List<String> descriptions(List<FuzzRequest> requests) {
        return requests.stream().map(FuzzRequest::description).toList();
    }

    private static String bodies(List<FuzzRequest> requests) {
        return String.join(
                "\n",
                requests.stream()
                        .filter(r -> r.body() != null)
                        .map(r -> new String(r.body(), StandardCharsets.UTF_8))
                        .filter(b -> b.length() < 200_000)
                        .toList());
    }
}
