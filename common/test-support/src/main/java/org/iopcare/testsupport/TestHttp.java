package org.iopcare.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A staff app's view of a running service: raw requests, every status returned, never thrown. */
public final class TestHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;
    private final String baseUrl;

    public TestHttp(int port) {
        this("http://localhost:" + port);
    }

    public TestHttp(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = RestClient.builder()
                .baseUrl(baseUrl)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    public record Response(int status, HttpHeaders headers, String text) {

        public JsonNode json() {
            return text == null || text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
        }

        public String contentType() {
            MediaType type = headers.getContentType();
            return type == null ? null : type.toString();
        }
    }

    /** An RFC 9457 problem response with this status that leaks no stack trace. */
    public static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("at org.");
    }

    public Response get(String path, String authorization) {
        return exchange(HttpMethod.GET, path, authorization, null, null);
    }

    /** A GET whose path is sent exactly as written (no normalisation), for malformed URLs. */
    public Response getVerbatim(String path, String authorization) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            HttpHeaders headers = new HttpHeaders();
            response.headers().map().forEach(headers::addAll);
            return new Response(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response postJson(String path, String authorization, String body) {
        return exchange(HttpMethod.POST, path, authorization, MediaType.APPLICATION_JSON, body);
    }

    public Response exchange(HttpMethod method, String path, String authorization, MediaType contentType, String body) {
        RestClient.RequestBodySpec spec = client.method(method).uri(path);
        if (authorization != null) {
            spec.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (contentType != null) {
            spec.contentType(contentType);
        }
        if (body != null) {
            spec.body(body);
        }
        ResponseEntity<String> response = spec.retrieve().toEntity(String.class);
        return new Response(response.getStatusCode().value(), response.getHeaders(), response.getBody());
    }
}
