package org.iopcare.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.List;
import org.iopcare.support.security.PublicEndpoints;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * Marks the operations a service opens without a token ({@link PublicEndpoints}: the inquiry form,
 * webhooks) with an empty security requirement, so the description says what the filter chain
 * does. The same list drives both, so they cannot drift apart.
 */
final class PublicOperations implements OpenApiCustomizer {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final List<PublicEndpoints.Endpoint> endpoints;

    PublicOperations(List<PublicEndpoints> publicEndpoints) {
        this.endpoints =
                publicEndpoints.stream().flatMap(p -> p.endpoints().stream()).toList();
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    if (isPublic(HttpMethod.valueOf(method.name()), path)) {
                        operation.setSecurity(List.of());
                    }
                }));
    }

    private boolean isPublic(HttpMethod method, String path) {
        return endpoints.stream()
                .anyMatch(e -> (e.method() == null || e.method().equals(method)) && PATHS.match(e.pattern(), path));
    }
}
