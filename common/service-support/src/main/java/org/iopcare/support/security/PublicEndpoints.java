package org.iopcare.support.security;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Endpoints a service opens to callers without a staff token (the public inquiry form, provider
 * webhooks that check their own signature, the local run's tools). Everything else is denied
 * unless the caller holds a staff role.
 */
public record PublicEndpoints(List<Endpoint> endpoints) {

    public record Endpoint(HttpMethod method, String pattern) {}

    public static PublicEndpoints of(HttpMethod method, String... patterns) {
        return new PublicEndpoints(java.util.Arrays.stream(patterns)
                .map(p -> new Endpoint(method, p))
                .toList());
    }
}
