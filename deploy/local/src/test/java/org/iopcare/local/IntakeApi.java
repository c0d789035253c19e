package org.iopcare.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** intake-service's REST API as the proofs drive it: the public form, a staff token, pipeline steps, probes. */
final class IntakeApi {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String baseUrl;

    IntakeApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A public inquiry from {@code email}; 201 with the inquiry's id in the body. */
    HttpResponse<String> submit(String email, String idempotencyKey) throws IOException {
        String json = "{\"firstName\":\"Load\",\"lastName\":\"Test\",\"email\":\"" + email
                + "\",\"preferredChannel\":\"EMAIL\",\"contactConsent\":true,\"referralSource\":\"SELF\"}";
        HttpRequest.Builder request = post("/api/inquiries", json);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    /** A staff step: moves the inquiry to {@code status}. */
    HttpResponse<String> move(String inquiryId, String status, String token) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/inquiries/" + inquiryId))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}"))
                .build();
        return send(request);
    }

    /** The inquiry's current status, as staff see it. */
    String status(String inquiryId, String token) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/inquiries/" + inquiryId))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IOException("GET inquiry answered " + response.statusCode());
        }
        return group(STATUS, response.body());
    }

    /** A staff token for the intake pipeline, from the local run's {@code /dev/tokens}. */
    String staffToken() throws IOException {
        HttpResponse<String> response =
                send(post("/dev/tokens", "{\"subject\":\"load-generator\",\"roles\":[\"INTAKE_COORDINATOR\"]}")
                        .build());
        if (response.statusCode() != 200) {
            throw new IOException("/dev/tokens answered " + response.statusCode());
        }
        return group(TOKEN, response.body());
    }

    /** The HTTP status of {@code /actuator/health/<group>} (liveness, readiness); -1 if it does not answer. */
    int health(String group) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/" + group))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            return send(request).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    static String inquiryId(HttpResponse<String> created) {
        return group(ID, created.body());
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String group(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer from intake (" + body.length() + " chars)");
        }
        return matcher.group(1);
    }
}
