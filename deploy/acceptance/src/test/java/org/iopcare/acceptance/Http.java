package org.iopcare.acceptance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP as a staff app or the public form would speak it; never throws on a status. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    /**
     * One answer.
     *
     * @param status the HTTP status
     * @param contentType the Content-Type header, empty when absent
     * @param location the Location header, empty when absent
     * @param body the body as text
     */
    record Reply(int status, String contentType, String location, String body) {

        JsonNode json() {
            return body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    static Reply get(String url, String token) {
        return send(request(url, token).GET());
    }

    static Reply post(String url, String token, Object body) {
        return send(
                request(url, token).header("Content-Type", "application/json").POST(json(body)));
    }

    /** A body sent exactly as written (malformed JSON on purpose). */
    static Reply postRaw(String url, String token, String body) {
        return send(request(url, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Reply patch(String url, String token, Object body) {
        return send(
                request(url, token).header("Content-Type", "application/json").method("PATCH", json(body)));
    }

    static Reply postForm(String url, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(url, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)));
    }

    /** Any method, any body and headers, as given. */
    static Reply send(
            String method, String url, String token, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = request(url, token);
        headers.forEach(request::header);
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        return send(request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * A request written byte for byte on a socket: a request line or header that an HTTP client
     * would refuse to send (an invalid character in the target, say). Returns the status line.
     */
    static String raw(String baseUrl, String requestLineAndHeaders) {
        URI uri = URI.create(baseUrl);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write((requestLineAndHeaders + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf('\r');
            return end < 0 ? answer : answer.substring(0, end);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("raw HTTP request failed: " + e, e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(""),
                    response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("HTTP request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
