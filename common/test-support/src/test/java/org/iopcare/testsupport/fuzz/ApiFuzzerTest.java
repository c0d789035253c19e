package org.iopcare.testsupport.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer against a tiny server with known faults: each must be reported, and a well-behaved
 * operation must not be.
 */
class ApiFuzzerTest {

    private HttpServer server;
    private final AtomicInteger rows = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/v3/api-docs", e -> answer(e, 200, "application/json", OpenApiOperationsTest.sample()));
        server.createContext("/api/things", this::things);
        server.createContext("/api/hooks", e -> answer(e, 204, null, ""));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /**
     * POST: a NUL escape fails with 500, a long body is refused as text/plain, a JSON null body is
     * refused after a row was written. GET /api/things/{id}: always a 404 problem.
     */
    private void things(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("GET")) {
            answer(exchange, 404, "application/problem+json", "{\"status\":404}");
        } else if (body.contains("\\u0000")) {
            answer(exchange, 500, "application/problem+json", "{\"status\":500}");
        } else if (body.length() > 1_000_000) {
            answer(exchange, 413, "text/plain", "too large");
        } else if (body.equals("null")) {
            rows.incrementAndGet();
            answer(exchange, 400, "application/problem+json", "{\"status\":400}");
        } else {
            answer(exchange, 400, "application/problem+json", "{\"status\":400}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private FuzzReport run() {
        return ApiFuzzer.of("sample", server.getAddress().getPort())
                .authorization("Bearer test")
                .state(() -> Map.of("thing", Integer.toString(rows.get())))
                .run();
    }

    @Test
    void reportsA500FromAHandlerThatThrows() {
        FuzzReport report = run();

        assertThat(report.violations())
                .filteredOn(v -> v.rule().equals("5xx"))
                .isNotEmpty()
                .allMatch(v -> v.operation().equals("POST /api/things") && v.status() == 500)
                .anyMatch(v -> v.mutation().equals("body /name = NUL"));
        assertThat(report.serverErrors()).isPositive();
    }

    @Test
    void reportsA4xxThatIsNotAProblemResponse() {
        assertThat(run().violations())
                .anyMatch(v -> v.rule().equals("4xx not problem+json")
                        && v.mutation().equals("3 MB string property")
                        && v.contentType().equals("text/plain"));
    }

    @Test
    void reportsARefusedWriteThatChangedTheState() {
        assertThat(run().violations())
                .filteredOn(v -> v.rule().equals("refused write changed the database"))
                .isNotEmpty()
                .allMatch(v -> v.detail().contains("thing: "));
    }

    @Test
    void reportsNothingForAWellBehavedOperationAndCountsEveryRequest() {
        FuzzReport report = run();

        assertThat(report.violations()).noneMatch(v -> v.operation().equals("POST /api/hooks"));
        assertThat(report.operations()).hasSize(4);
        assertThat(report.requests())
                .isEqualTo(report.mutations().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum());
        assertThat(report.mutations()).containsKeys(MutationKind.values());
    }

    @Test
    void failsWithTheListOfViolations() {
        assertThatThrownBy(run()::assertNoViolations)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("POST /api/things | body /name = NUL | 5xx | status 500");
    }
}
