package org.iopcare.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP to the services, as staff (a bearer token) or as the public (none). */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;

    Http() {
        this(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build());
    }

    Http(HttpClient client) {
        this.client = client;
    }

    HttpClient client() {
        return client;
    }

    /** A staff token from the local run's {@code /dev/tokens} on intake. */
    String token(String intake, String subject, String... roles) throws IOException, InterruptedException {
        JsonNode answer =
                send("POST", intake + "/dev/tokens", null, Map.of("subject", subject, "roles", List.of(roles)), 200);
        return answer.get("token").asString();
    }

    HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", token == null ? "text/html, application/json;q=0.9" : "application/json")
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET that must answer 200, read as JSON. */
    JsonNode getJson(String url, String token) throws IOException, InterruptedException {
        return JSON.readTree(ok(get(url, token)).body());
    }

    JsonNode send(String method, String url, String token, Object body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response =
                client.send(request(method, url, token, body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + URI.create(url).getPath() + " answered "
                    + response.statusCode() + " (expected " + expected + ")");
        }
        return JSON.readTree(response.body());
    }

    static HttpRequest request(String method, String url, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    static HttpResponse<String> ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
        }
        return response;
    }
}
