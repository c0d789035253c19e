package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iopcare.acceptance.Http.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Every operation that writes (POST, PUT, PATCH, DELETE) of a service, as its own OpenAPI document
 * ({@code /v3/api-docs}) describes it: a new endpoint is on the list without anyone adding it.
 */
final class WriteOperations {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

    /**
     * One operation.
     *
     * @param baseUrl the service, e.g. {@code http://localhost:8081}
     * @param method {@code POST}, {@code PUT} ...
     * @param path the path template, e.g. {@code /api/clients/{id}/discharge}
     * @param contentType the request body's media type, empty when it takes none
     * @param body the body's schema (a {@code $ref} or inline), missing when it takes none
     * @param headers the names of its header parameters
     * @param document the whole OpenAPI document (for {@code $ref}s)
     */
    record Operation(
            String baseUrl,
            String method,
            String path,
            String contentType,
            JsonNode body,
            List<String> headers,
            JsonNode document) {

        @Override
        public String toString() {
            return method + " " + baseUrl + path;
        }
    }

    private WriteOperations() {}

    static List<Operation> of(String baseUrl, String token) {
        Reply docs = Http.get(baseUrl + "/v3/api-docs", token);
        assertThat(docs.status())
                .as("OpenAPI document of %s: %s", baseUrl, docs)
                .isEqualTo(200);
        JsonNode document = docs.json();
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!WRITES.contains(operation.getKey())) {
                    continue;
                }
                JsonNode content = operation.getValue().path("requestBody").path("content");
                String contentType =
                        content.propertyNames().stream().findFirst().orElse("");
                List<String> headers = new ArrayList<>();
                operation.getValue().path("parameters").forEach(p -> {
                    if ("header".equals(p.path("in").asString())) {
                        headers.add(p.path("name").asString());
                    }
                });
                operations.add(new Operation(
                        baseUrl,
                        operation.getKey().toUpperCase(java.util.Locale.ROOT),
                        path.getKey(),
                        contentType,
                        content.path(contentType).path("schema"),
                        headers,
                        document));
            }
        }
        return operations;
    }
}
