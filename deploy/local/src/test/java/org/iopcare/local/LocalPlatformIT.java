package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.iopcare.testports.TestPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole platform from the built service jars, through the same Java API an acceptance suite
 * uses: every service ready, a staff token from intake accepted by another service, a public
 * inquiry taken, every port on the loopback interface only, and nothing left running after the stop. Ports are moved off the defaults so a
 * developer's own run does not get in the way.
 */
class LocalPlatformIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private RunningPlatform platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.stop();
        }
        System.out.println(console);
    }

    @Test
    void runsTheFourServicesOnKafkaAndPostgresqlAndStopsThemAll() throws Exception {
        int[] ports = TestPorts.reserve(5);
        int smtpPort = ports[4];
        List<ServiceSpec> services = new ArrayList<>();
        for (int i = 0; i < ServiceSpec.ALL.size(); i++) {
            services.add(ServiceSpec.ALL.get(i).withPort(ports[i]));
        }
        // the sandbox's SMTP server off its default port too, so a developer's run cannot hold it
        services.set(
                3,
                services.get(3)
                        .withEnvironment(Map.of(
                                "IOPCARE_NOTIFICATION_SANDBOX_SMTP_PORT", Integer.toString(smtpPort),
                                "SPRING_MAIL_PORT", Integer.toString(smtpPort))));
        LocalOptions options = TestPlatforms.infrastructure(dataDir, console)
                .services(services)
                // the archives' background training would only compete with the test for the cores
                .classDataSharing(false)
                .build();

        platform = LocalPlatform.start(options);

        assertThat(platform.readySeconds())
                .containsKeys(
                        "Kafka",
                        "PostgreSQL",
                        "intake-service",
                        "scheduling-service",
                        "treatment-plan-service",
                        "notification-service");
        assertThat(console.toString()).contains("ready   notification-service");

        // Everything listens on the loopback interface only: nothing of a local run is reachable from
        // the network (the services' /dev/tokens and sandbox above all). Each port must be listening,
        // so an empty list cannot pass.
        Map<String, Integer> listening = new java.util.LinkedHashMap<>();
        listening.put("Kafka", options.kafkaPort());
        listening.put("Kafka controller", options.kafkaControllerPort());
        listening.put("PostgreSQL", options.postgresPort());
        services.forEach(service -> listening.put(service.name(), service.port()));
        listening.put("sandbox SMTP", smtpPort);
        listening.forEach((what, port) -> assertThat(ListeningSockets.on(port))
                .as("listening sockets of %s on port %d", what, port)
                .isNotEmpty()
                .allMatch(ListeningSockets.Socket::isLoopback));
        String intake = platform.serviceUrl(services.get(0));
        String scheduling = platform.serviceUrl(services.get(1));

        HttpResponse<String> token = post(
                intake + "/dev/tokens",
                "{\"subject\":\"dana\",\"roles\":[\"INTAKE_COORDINATOR\",\"CLINICIAN\"]}",
                null);
        assertThat(token.statusCode()).isEqualTo(200);
        Matcher jwt = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        assertThat(jwt.find()).as(token.body()).isTrue();

        // The key pair is wired into every service: intake's token is accepted by scheduling.
        assertThat(get(scheduling + "/api/tracks", null).statusCode()).isEqualTo(401);
        assertThat(get(scheduling + "/api/tracks", jwt.group(1)).statusCode()).isNotEqualTo(401);

        HttpResponse<String> inquiry = post(
                intake + "/api/inquiries",
                "{\"firstName\":\"Alex\",\"lastName\":\"Rivera\",\"phone\":\"+16175550100\","
                        + "\"email\":\"alex@example.org\",\"preferredChannel\":\"SMS\",\"contactConsent\":true,"
                        + "\"helpWith\":\"Looking for an evening program\",\"referralSource\":\"SELF\"}",
                null);
        long submitted = System.nanoTime();
        assertThat(inquiry.statusCode()).as(inquiry.body()).isEqualTo(201);
        Matcher inquiryId = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(inquiry.body());
        assertThat(inquiryId.find()).as(inquiry.body()).isTrue();

        // Its acknowledgement is visible through notification-service within 5 s.
        HttpResponse<String> staffView = get(intake + "/api/inquiries/" + inquiryId.group(1), jwt.group(1));
        Matcher clientId = Pattern.compile("\"clientId\"\\s*:\\s*\"([^\"]+)\"").matcher(staffView.body());
        assertThat(clientId.find()).as(staffView.body()).isTrue();
        String messages = platform.serviceUrl(services.get(3)) + "/api/clients/" + clientId.group(1) + "/messages";
        Awaitility.await()
                .atMost(Duration.ofSeconds(5).minusNanos(System.nanoTime() - submitted))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(
                        () -> assertThat(get(messages, jwt.group(1)).body()).contains("INQUIRY_ACKNOWLEDGEMENT"));
        System.out.printf(
                "[local-run] inquiry acknowledgement visible in notification-service %.2f s after the POST%n",
                (System.nanoTime() - submitted) / 1e9);

        // The request and the event it caused share one trace id in two services' logs: the outbox
        // keeps the request's traceparent, the relay publishes under it, the consumer continues it.
        String committed = awaitLogLine("intake-service", "Committed org.iopcare.intake.inquiry-received.v1 ");
        String eventId = committed.substring(
                        committed.indexOf("inquiry-received.v1 ") + "inquiry-received.v1 ".length())
                .split("[\\s\"]")[0];
        String consumed =
                awaitLogLine("notification-service", "Consuming org.iopcare.intake.inquiry-received.v1 " + eventId);
        String traceId = traceId(committed);
        assertThat(traceId).as("trace id in %s", committed).isNotNull();
        assertThat(traceId(consumed)).as("trace id in %s", consumed).isEqualTo(traceId);
        System.out.printf(
                "[local-run] inquiry-received %s: trace %s in intake's and notification's logs%n", eventId, traceId);

        // Prometheus metrics of every service: HTTP, JVM, connection pool, outbox; business counters.
        for (ServiceSpec service : services) {
            HttpResponse<String> metrics = get(platform.serviceUrl(service) + "/actuator/prometheus", null);
            assertThat(metrics.statusCode())
                    .as("prometheus of %s", service.name())
                    .isEqualTo(200);
            assertThat(metrics.body())
                    .as("prometheus of %s", service.name())
                    .contains(
                            "http_server_requests_seconds_count",
                            "jvm_memory_used_bytes",
                            "hikaricp_connections_active")
                    .contains("iopcare_outbox_pending", "iopcare_outbox_oldest_age_seconds");
        }
        assertThat(get(intake + "/actuator/prometheus", null).body()).contains("iopcare_events_appended_total{");
        assertThat(get(platform.serviceUrl(services.get(3)) + "/actuator/prometheus", null)
                        .body())
                .contains("iopcare_notification_messages");

        for (ServiceSpec service : services) {
            assertThat(get(platform.serviceUrl(service) + "/swagger-ui.html", null)
                            .statusCode())
                    .as("Swagger UI of %s", service.name())
                    .isIn(200, 302);
        }

        Map<String, Long> pids = platform.pids();
        assertThat(pids).containsKeys("kafka", "postgres", "intake-service", "notification-service");
        platform.stop();

        TestPlatforms.assertAllGone(pids, dataDir);
    }

    private String awaitLogLine(String service, String marker) {
        Path log = dataDir.resolve("logs").resolve(service + ".log");
        String[] found = new String[1];
        Awaitility.await("a log line of " + service)
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!java.nio.file.Files.exists(log)) {
                        return false;
                    }
                    try (var lines = java.nio.file.Files.lines(log)) {
                        found[0] = lines.filter(line -> line.contains(marker))
                                .findFirst()
                                .orElse(null);
                    }
                    return found[0] != null;
                });
        return found[0];
    }

    /** The W3C trace id (32 hex digits) in a log line, plain or JSON. */
    private static String traceId(String line) {
        Matcher id = Pattern.compile("\\b([0-9a-f]{32})\\b").matcher(line);
        return id.find() ? id.group(1) : null;
    }

    private static HttpResponse<String> post(String url, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
