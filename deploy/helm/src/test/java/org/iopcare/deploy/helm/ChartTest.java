package org.iopcare.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.iopcare.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The chart as shipped: it lints, renders, matches the schemas and follows our rules. */
class ChartTest {

    static List<JsonNode> objects;
    static final KubernetesSchemas schemas = new KubernetesSchemas();

    /** Also leaves the manifests in target/rendered/iopcare.yaml for review. */
    @BeforeAll
    static void render() throws IOException {
        String text = Chart.renderText(Map.of());
        Path out = Path.of("target", "rendered", "iopcare.yaml");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        objects = Chart.parse(text);
    }

    @Test
    void lintsStrictly() {
        LintResult lint = Chart.lint();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void everyObjectMatchesItsSchema() {
        assertThat(schemas.violations(objects)).isEmpty();
        assertThat(kinds(objects))
                .contains(
                        "Deployment",
                        "Service",
                        "ConfigMap",
                        "ServiceAccount",
                        "PodDisruptionBudget",
                        "HorizontalPodAutoscaler",
                        "NetworkPolicy",
                        "Ingress",
                        "ServiceMonitor",
                        "PrometheusRule",
                        "Kafka",
                        "KafkaNodePool",
                        "KafkaTopic",
                        "KafkaUser",
                        "Cluster");
    }

    @Test
    void withKedaNotificationScalesOnLagAndStillMatchesTheSchemas() {
        List<JsonNode> keda = Chart.render(Map.of("keda.enabled", "true"));
        assertThat(schemas.violations(keda)).isEmpty();
        assertThat(keda)
                .filteredOn(o -> o.path("kind").asString().equals("ScaledObject"))
                .singleElement()
                .satisfies(o -> assertThat(o.path("spec")
                                .path("triggers")
                                .get(0)
                                .path("metadata")
                                .path("consumerGroup")
                                .asString())
                        .isEqualTo("notification-service"));
        assertThat(keda)
                .filteredOn(o -> o.path("kind").asString().equals("HorizontalPodAutoscaler"))
                .extracting(Chart::component)
                .doesNotContain("notification-service")
                .hasSize(3);
    }

    @Test
    void readsWhatTheServicesBind() {
        assertThat(ServiceBindings.consumed())
                .containsEntry("intake-service", Set.of(Topics.CONTACT_CONSENT_CHANGED, Topics.TRACK_CHANGED))
                .hasEntrySatisfying(
                        "scheduling-service",
                        topics -> assertThat(topics)
                                .contains(Topics.ENROLLED, Topics.DISCHARGED, Topics.ATTENDANCE_CONFIRMED))
                .hasEntrySatisfying(
                        "notification-service", topics -> assertThat(topics).contains(Topics.INQUIRY_RECEIVED));
    }

    @Test
    void withACollectorTheServicesMayReachIt() {
        List<JsonNode> traced =
                Chart.render(Map.of("tracing.otlpEndpoint", "http://otel-collector.observability:4318/v1/traces"));
        assertThat(schemas.violations(traced)).isEmpty();
        assertThat(traced)
                .filteredOn(o -> Chart.id(o).equals("NetworkPolicy/" + Chart.name("notification-service")))
                .singleElement()
                .satisfies(
                        policy -> assertThat(policy.path("spec").path("egress").toString())
                                .contains("4318"));
        assertThat(traced)
                .filteredOn(o -> Chart.id(o).equals("ConfigMap/" + Chart.name("intake-service")))
                .singleElement()
                .satisfies(config -> assertThat(config.path("data")
                                .path("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")
                                .asString())
                        .isEqualTo("http://otel-collector.observability:4318/v1/traces"));
    }

    @Test
    void theConfiguredStaffReachEveryService(@TempDir Path dir) throws IOException {
        // a values file, as an operator writes it: the phone quoted, as --set would make it a number
        Path values = Files.writeString(dir.resolve("staff.yaml"), """
                staff:
                  - id: sup-1
                    displayName: Karin Lindqvist
                    roles: [CLINICAL_SUPERVISOR]
                    email: k.lindqvist@clinic.example
                    phone: "+15550100111"
                """);
        List<JsonNode> staffed = Chart.render(values);
        assertThat(staffed)
                .filteredOn(o -> o.path("kind").asString().equals("ConfigMap"))
                .filteredOn(o -> ServiceBindings.SERVICES.contains(Chart.component(o)))
                .hasSize(ServiceBindings.SERVICES.size())
                .allSatisfy(config -> {
                    JsonNode data = config.path("data");
                    assertThat(data.path("IOPCARE_STAFF_MEMBERS_0_ID").asString())
                            .isEqualTo("sup-1");
                    assertThat(data.path("IOPCARE_STAFF_MEMBERS_0_DISPLAYNAME").asString())
                            .isEqualTo("Karin Lindqvist");
                    assertThat(data.path("IOPCARE_STAFF_MEMBERS_0_ROLES").asString())
                            .isEqualTo("CLINICAL_SUPERVISOR");
                    assertThat(data.path("IOPCARE_STAFF_MEMBERS_0_EMAIL").asString())
                            .isEqualTo("k.lindqvist@clinic.example");
                    assertThat(data.path("IOPCARE_STAFF_MEMBERS_0_PHONE").asString())
                            .isEqualTo("+15550100111");
                });
    }

    @Test
    void actuatorIsOnTheManagementPortWhichOnlyPrometheusAndTheKubeletReach() {
        for (String service : ServiceBindings.consumed().keySet()) {
            JsonNode config = object("ConfigMap/" + Chart.name(service)).path("data");
            assertThat(config.path("SPRING_PROFILES_ACTIVE").asString()).isEqualTo("prod");
            assertThat(config.path("SERVER_PORT").asString()).isEqualTo("8080");
            assertThat(config.path("MANAGEMENT_SERVER_PORT").asString()).isEqualTo("8081");
            assertThat(config.path("IOPCARE_SECURITY_JWT_AUDIENCE").asString()).isEqualTo("iopcare-staff-api");
            assertThat(config.path("IOPCARE_SECURITY_JWT_MAX_LIFETIME").asString())
                    .isEqualTo("12h");
            assertThat(config.path("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES").asString())
                    .isEqualTo("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16");

            JsonNode container = object("Deployment/" + Chart.name(service)).at("/spec/template/spec/containers/0");
            assertThat(container.at("/readinessProbe/httpGet/port").asString()).isEqualTo("management");
            assertThat(container.at("/livenessProbe/httpGet/port").asString()).isEqualTo("management");
            assertThat(container.at("/startupProbe/httpGet/port").asString()).isEqualTo("management");

            assertThat(object("Service/" + Chart.name(service))
                            .at("/spec/ports")
                            .toString())
                    .contains("\"targetPort\":\"http\"")
                    .doesNotContain("management")
                    .doesNotContain("8081");
            JsonNode management = object("Service/" + Chart.name(service) + "-management");
            assertThat(management.at("/spec/clusterIP").asString()).isEqualTo("None");
            assertThat(management.at("/spec/ports/0/targetPort").asString()).isEqualTo("management");

            JsonNode policy =
                    object("NetworkPolicy/" + Chart.name(service)).path("spec").path("ingress");
            assertThat(policy.get(0).toString())
                    .contains("monitoring")
                    .contains("8081")
                    .doesNotContain("8080");
            for (JsonNode rule : policy) {
                if (rule.toString().contains("ingress-nginx")) {
                    assertThat(rule.toString()).contains("8080").doesNotContain("8081");
                }
            }
        }
        JsonNode monitor = object("ServiceMonitor/iopcare-services").path("spec");
        assertThat(monitor.at("/selector/matchLabels/iopcare.org~1port").asString())
                .isEqualTo("management");
        assertThat(monitor.at("/endpoints/0/port").asString()).isEqualTo("management");
        assertThat(monitor.at("/endpoints/0/path").asString()).isEqualTo("/actuator/prometheus");
        assertThat(object("Deployment/" + Chart.name("intake-service"))
                        .at("/spec/template/spec/containers/0/env")
                        .toString())
                .contains("IOPCARE_INTAKE_INQUIRIES_FINGERPRINT_SECRET");
    }

    private static JsonNode object(String id) {
        return objects.stream()
                .filter(o -> Chart.id(o).equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id));
    }

    @Test
    void theDatabaseLogsNoStatementValues() {
        JsonNode parameters = objects.stream()
                .filter(o -> o.path("kind").asString().equals("Cluster"))
                .findFirst()
                .orElseThrow()
                .path("spec")
                .path("postgresql")
                .path("parameters");
        Map.of(
                        "log_error_verbosity", "terse",
                        "log_min_error_statement", "panic",
                        "log_parameter_max_length_on_error", "0",
                        "log_parameter_max_length", "0",
                        "log_statement", "none",
                        "log_min_duration_statement", "-1")
                .forEach((name, value) ->
                        assertThat(parameters.path(name).asString()).as(name).isEqualTo(value));
    }

    @Test
    void followsThePlatformRules() {
        assertThat(new PlatformRules(objects).violations(Topics.ALL, ServiceBindings.consumed()))
                .isEmpty();
    }

    /** A typo in values.yaml would otherwise provision a topic nobody publishes to. */
    @Test
    void everyEventTopicIsInTheCatalogue() {
        Set<String> eventTopics = objects.stream()
                .filter(o -> o.path("kind").asString().equals("KafkaTopic"))
                .filter(o -> o.path("metadata")
                        .path("labels")
                        .path("iopcare.org/topic-kind")
                        .asString()
                        .equals("event"))
                .map(o -> o.path("spec").path("topicName").asString())
                .collect(Collectors.toSet());
        assertThat(eventTopics).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        // one key per track: compaction keeps the latest state of every track for good
        assertThat(objects.stream()
                        .filter(o -> o.path("kind").asString().equals("KafkaTopic"))
                        .filter(o -> eventTopics.contains(
                                o.path("spec").path("topicName").asString()))
                        .collect(Collectors.toMap(
                                o -> o.path("spec").path("topicName").asString(),
                                o -> o.at("/spec/config/cleanup.policy").asString())))
                .containsEntry(Topics.TRACK_CHANGED, "compact")
                .containsEntry(Topics.ENROLLED, "delete");
    }

    @Test
    void theDashboardAndAlertsCoverThePlatform() {
        JsonNode dashboard = objects.stream()
                .filter(o -> o.path("kind").asString().equals("ConfigMap"))
                .filter(o -> o.path("metadata").path("labels").has("grafana_dashboard"))
                .findFirst()
                .orElseThrow();
        String json = dashboard.path("data").path("iopcare-overview.json").asString();
        String rules = objects.stream()
                .filter(o -> o.path("kind").asString().equals("PrometheusRule"))
                .findFirst()
                .orElseThrow()
                .toString();
        for (String metric : List.of(
                "http_server_requests_seconds_count",
                "spring_cloud_stream_binder_kafka_offset",
                "iopcare_outbox_oldest_age_seconds",
                "iopcare_consumer_dead_letters_total",
                "kafka_topic_partition_current_offset",
                "iopcare_notification_messages_total",
                "iopcare_notification_reminders_total",
                "iopcare_notification_reminders_late",
                "iopcare_work_overdue")) {
            assertThat(json).as("dashboard").contains(metric);
            assertThat(rules).as("alert rules").contains(metric);
        }
        assertThat(json)
                .contains("iopcare_events_appended_total", "iopcare_work_open", "iopcare_work_escalations_total");
    }

    private static Set<String> kinds(List<JsonNode> objects) {
        return objects.stream().map(o -> o.path("kind").asString()).collect(Collectors.toSet());
    }
}
