package org.iopcare.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.iopcare.testsupport.Infrastructure;
import org.iopcare.testsupport.TestHttp;
import org.iopcare.testsupport.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** intake-service on a free port, on the test JVM's real Kafka broker and PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntakeIT {

    @LocalServerPort
    int port;

    protected TestHttp http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.register(registry, "intake");
        // The test client is the trusted proxy, so a test can speak for many client addresses
        // through X-Forwarded-For; the limit is high enough for the rest of the suite's loopback posts.
        registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1");
        registry.add("iopcare.intake.rate-limit.requests", () -> "300");
        registry.add("iopcare.intake.rate-limit.per", () -> "1m");
    }

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    private static final HttpClient RAW = HttpClient.newHttpClient();

    /** A request with extra headers (TestHttp sends only Authorization and Content-Type). */
    protected Response send(String method, String path, String authorization, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = RAW.send(request.build(), HttpResponse.BodyHandlers.ofString());
            HttpHeaders copied = new HttpHeaders();
            response.headers().map().forEach(copied::addAll);
            return new Response(response.statusCode(), copied, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
