package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iopcare.acceptance.Journey.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.iopcare.local.LocalOptions;
import org.iopcare.local.ServiceSpec;
import org.junit.jupiter.api.Test;

/**
 * The local run as {@code ./run-local.sh} starts it, seen from outside on the suite's platform: every
 * component ready and listening on the loopback interface only, one key pair wired into every
 * service, a request's trace id continued by the consumer of the event it caused, the operators'
 * metrics and the API documentation served. (That stopping leaves no process behind is proven in
 * {@code deploy/local}, where the proofs stop their platforms.)
 */
class LocalRunIT {

    private final AcceptancePlatform platform = AcceptancePlatform.get();
    private final Journey journey = new Journey(platform);
    private final StaffApp staff = journey.staff;

    @Test
    void everyComponentIsReadyAndReachableFromThisMachineOnly() throws IOException {
        assertThat(platform.platform.readySeconds())
                .containsKeys(
                        "Kafka",
                        "PostgreSQL",
                        "intake-service",
                        "scheduling-service",
                        "treatment-plan-service",
                        "notification-service",
                        "staff-console");
        assertThat(Files.readString(platform.console))
                .contains("ready   notification-service")
                .contains("ready   staff-console");

        // Nothing of a local run is reachable from the network (the services' /dev/tokens and the
        // sandbox above all). Each port must be listening, so an empty list cannot pass.
        LocalOptions options = platform.platform.options();
        Map<String, Integer> listening = new LinkedHashMap<>();
        listening.put("Kafka", options.kafkaPort());
        listening.put("Kafka controller", options.kafkaControllerPort());
        listening.put("PostgreSQL", options.postgresPort());
        options.services().forEach(service -> listening.put(service.name(), service.port()));
        listening.put("sandbox SMTP", platform.smtpPort);
        listening.forEach((what, port) -> assertThat(ListeningSockets.on(port))
                .as("listening sockets of %s on port %d", what, port)
                .isNotEmpty()
                .allMatch(ListeningSockets.Socket::isLoopback));
    }

    @Test
    void oneKeyPairSignsTheTokensEveryServiceAccepts() {
        String token = staff.token("dana", "INTAKE_COORDINATOR", "CLINICIAN");
        for (String service : List.of(platform.scheduling, platform.treatmentPlan, platform.notification)) {
            assertThat(Http.get(service + "/api/work-items", null).status())
                    .as("%s without a token", service)
                    .isEqualTo(401);
            assertThat(Http.get(service + "/api/work-items", token).status())
                    .as("%s with intake's token", service)
                    .isEqualTo(200);
        }
    }

    @Test
    void anEventContinuesTheTraceOfTheRequestThatCausedIt() {
        journey.inquire(Person.numbered("Trace", "Walker", 61));
        // The outbox keeps the request's traceparent, the relay publishes under it, the consumer
        // continues it: one trace id in both services' logs.
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
    }

    @Test
    void everyServiceServesItsMetricsAndApiDocumentation() {
        for (ServiceSpec service : platform.platform.options().services()) {
            if (!service.hasDatabase()) {
                continue; // the staff console: no API of its own, no outbox
            }
            String url = platform.platform.serviceUrl(service);
            Http.Reply metrics = Http.get(url + "/actuator/prometheus", null);
            assertThat(metrics.status()).as("prometheus of %s", service.name()).isEqualTo(200);
            assertThat(metrics.body())
                    .as("prometheus of %s", service.name())
                    .contains(
                            "http_server_requests_seconds_count",
                            "jvm_memory_used_bytes",
                            "hikaricp_connections_active",
                            "iopcare_outbox_pending",
                            "iopcare_outbox_oldest_age_seconds",
                            "iopcare_work_urgent_oldest_age_seconds");
            assertThat(Http.get(url + "/swagger-ui.html", null).status())
                    .as("Swagger UI of %s", service.name())
                    .isIn(200, 302);
        }
        assertThat(Http.get(platform.intake + "/actuator/prometheus", null).body())
                .contains("iopcare_events_appended_total{");
        assertThat(Http.get(platform.notification + "/actuator/prometheus", null)
                        .body())
                .contains("iopcare_notification_messages");
    }

    private String awaitLogLine(String service, String marker) {
        Path log = platform.logs.resolve(service + ".log");
        String[] found = new String[1];
        await("a log line of " + service, Duration.ofSeconds(15)).until(() -> {
            found[0] = firstLine(log, marker).orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static Optional<String> firstLine(Path log, String marker) {
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(marker)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The W3C trace id (32 hex digits) in a log line, plain or JSON. */
    private static String traceId(String line) {
        Matcher id = Pattern.compile("\\b([0-9a-f]{32})\\b").matcher(line);
        return id.find() ? id.group(1) : null;
    }
}
