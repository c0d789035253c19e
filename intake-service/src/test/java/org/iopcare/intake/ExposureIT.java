package org.iopcare.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.Infrastructure;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * intake as the chart runs it, as far as exposure goes: on Kubernetes (where Spring Boot reads
 * forwarded headers by itself), Actuator on its own port, no API description, and no trusted proxy
 * configured in front of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExposureIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int apiPort;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ObservationRegistry observations;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        Infrastructure.register(registry, "intake");
        // the database the other suites migrate, with their tracks (IntakeIT)
        registry.add("spring.flyway.locations", () -> "classpath:db/migration,classpath:db/tracks");
        registry.add("spring.main.cloud-platform", () -> "kubernetes");
        registry.add("management.server.port", () -> 0);
        registry.add("springdoc.api-docs.enabled", () -> false);
        registry.add("springdoc.swagger-ui.enabled", () -> false);
        registry.add("iopcare.intake.rate-limit.requests", () -> 3);
        registry.add("iopcare.intake.rate-limit.per", () -> "1h");
    }

    @Test
    void requestsAreObservedButNotEachSecurityFilterOfTheirWay() {
        // a span and timer per request (trace ids in the logs, http.server.requests); none per filter
        // of the security chain, which cost a quarter of a small request's CPU
        assertThat(Observation.start("http.server.requests", observations).isNoop())
                .isFalse();
        assertThat(Observation.start("spring.security.filterchains", observations)
                        .isNoop())
                .isTrue();
        assertThat(Observation.start("spring.security.authorizations", observations)
                        .isNoop())
                .isTrue();
    }

    @Test
    void aForgedForwardedForFromAnUntrustedPeerDoesNotChangeTheRateLimitKey() {
        // The test client on loopback is no trusted proxy here: each post claims another address,
        // and all of them still draw from the one bucket of the real peer.
        for (int i = 1; i <= 3; i++) {
            assertThat(post("198.51.100." + i)).isEqualTo(400);
        }
        assertThat(post("198.51.100.4")).isEqualTo(429);
        assertThat(post("203.0.113.9, 198.51.100.5")).isEqualTo(429);
    }

    @Test
    void actuatorIsOnTheManagementPortOnly() {
        assertThat(get(apiPort, "/actuator/health", null)).isEqualTo(404);
        assertThat(get(apiPort, "/actuator/prometheus", null)).isEqualTo(404);
        assertThat(get(managementPort, "/actuator/health/readiness", null)).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/liveness", null)).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/prometheus", null)).isEqualTo(200);
        // the API is not served on the management port
        assertThat(get(managementPort, "/api/inquiries", TestTokens.bearer(StaffRole.INTAKE_COORDINATOR)))
                .isEqualTo(404);
    }

    @Test
    void theApiDescriptionIsOff() {
        assertThat(get(apiPort, "/v3/api-docs", null)).isEqualTo(404);
        assertThat(get(apiPort, "/swagger-ui.html", null)).isEqualTo(404);
        assertThat(get(apiPort, "/swagger-ui/index.html", null)).isEqualTo(404);
    }

    private int post(String forwardedFor) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + apiPort + "/api/inquiries"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private int get(int port, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.GET());
    }

    private static int send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
