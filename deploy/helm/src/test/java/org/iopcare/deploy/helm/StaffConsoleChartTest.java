package org.iopcare.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.iopcare.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The staff console as the chart deploys it: a client of the four services' APIs that signs staff
 * in at the identity provider, reached through the ingress controller only, with no database and
 * no Kafka.
 */
class StaffConsoleChartTest {

    static final String CONSOLE = Chart.name("staff-console");
    static final Map<String, String> SERVICE_URLS = Map.of(
            "IOPCARE_CONSOLE_INTAKE", "intake-service",
            "IOPCARE_CONSOLE_SCHEDULING", "scheduling-service",
            "IOPCARE_CONSOLE_TREATMENT_PLAN", "treatment-plan-service",
            "IOPCARE_CONSOLE_NOTIFICATION", "notification-service");

    static List<JsonNode> objects;
    static final KubernetesSchemas schemas = new KubernetesSchemas();

    @BeforeAll
    static void render() {
        objects = Chart.render();
    }

    @Test
    void rendersItsObjectsAndEachMatchesItsSchema() {
        List<JsonNode> console = objects.stream()
                .filter(o -> o.path("metadata").path("name").asString().equals(CONSOLE))
                .toList();
        assertThat(console)
                .extracting(Chart::id)
                .containsExactlyInAnyOrder(
                        "ConfigMap/" + CONSOLE,
                        "ServiceAccount/" + CONSOLE,
                        "Deployment/" + CONSOLE,
                        "Service/" + CONSOLE,
                        "PodDisruptionBudget/" + CONSOLE,
                        "NetworkPolicy/" + CONSOLE,
                        "Ingress/" + CONSOLE);
        assertThat(schemas.violations(console)).isEmpty();
    }

    @Test
    void callsEachServiceThroughTheApiServiceTheChartRendersForIt() {
        JsonNode config = object("ConfigMap/" + CONSOLE).path("data");
        SERVICE_URLS.forEach((setting, service) -> {
            URI url = URI.create(config.path(setting).asString());
            assertThat(url.getScheme()).as(setting).isEqualTo("http");
            assertThat(url.getHost()).as(setting).isEqualTo(Chart.name(service));
            JsonNode api = object("Service/" + url.getHost());
            assertThat(api.at("/spec/ports"))
                    .as(setting + " names a port of Service/" + service)
                    .anySatisfy(port -> {
                        assertThat(port.path("port").asInt()).isEqualTo(url.getPort());
                        assertThat(port.path("targetPort").asString()).isEqualTo("http");
                    });
            assertThat(PlatformRules.selects(
                            api.at("/spec/selector"),
                            object("Deployment/" + Chart.name(service)).at("/spec/template/metadata/labels")))
                    .as("Service/" + service + " selects " + service + "'s pods")
                    .isTrue();
        });
    }

    @Test
    void signsStaffInAtTheProviderWhoseTokensTheServicesAccept() {
        JsonNode config = object("ConfigMap/" + CONSOLE).path("data");
        assertThat(config.path("SPRING_PROFILES_ACTIVE").asString()).isEqualTo("prod");
        assertThat(config.path("SERVER_PORT").asString()).isEqualTo("8080");
        assertThat(config.path("MANAGEMENT_SERVER_PORT").asString()).isEqualTo("8081");
        assertThat(config.path("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED").asString())
                .isEqualTo("true");
        assertThat(config.path("IOPCARE_CONSOLE_CLINIC_ZONE").asString()).isEqualTo("America/New_York");
        assertThat(config.path("IOPCARE_CONSOLE_SESSION_TIMEOUT").asString()).isEqualTo("15m");
        assertThat(config.path("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_STAFF_ISSUER_URI")
                        .asString())
                .isEqualTo(object("ConfigMap/" + Chart.name("intake-service"))
                        .at("/data/IOPCARE_SECURITY_JWT_ISSUER_URI")
                        .asString())
                .isEqualTo("https://login.example.org/realms/iopcare");
        assertThat(config.path("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_STAFF_CLIENT_ID")
                        .asString())
                .isEqualTo("iopcare-staff-console");
        assertThat(config.path("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_STAFF_SCOPE")
                        .asString())
                .isEqualTo("openid,profile,email");
        assertThat(config.has("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_STAFF_CLIENT_SECRET"))
                .as("the client secret is never in the ConfigMap")
                .isFalse();

        JsonNode container = object("Deployment/" + CONSOLE).at("/spec/template/spec/containers/0");
        assertThat(container.path("env"))
                .filteredOn(env -> env.path("name")
                        .asString()
                        .equals("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_STAFF_CLIENT_SECRET"))
                .singleElement()
                .satisfies(env -> {
                    assertThat(env.has("value")).isFalse();
                    assertThat(env.at("/valueFrom/secretKeyRef/name").asString())
                            .isEqualTo("iopcare-staff-console");
                    assertThat(env.at("/valueFrom/secretKeyRef/key").asString()).isEqualTo("client-secret");
                });
    }

    @Test
    void runsLikeTheServicesWithoutTheirDatabaseOrKafka() {
        JsonNode deployment = object("Deployment/" + CONSOLE);
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.path("containers").get(0);
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(container.path("image").asString())
                .isEqualTo("registry.example.org/iopcare/staff-console:0.1.0-SNAPSHOT");
        assertThat(container.at("/resources/requests/cpu").asString()).isEqualTo("100m");
        assertThat(container.at("/resources/requests/memory").asString()).isEqualTo("384Mi");
        assertThat(container.at("/resources/limits/cpu").asString()).isEqualTo("1");
        assertThat(container.at("/resources/limits/memory").asString()).isEqualTo("512Mi");
        assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
        assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");

        JsonNode service = object("Deployment/" + Chart.name("intake-service"));
        JsonNode servicePod = service.at("/spec/template/spec");
        JsonNode serviceContainer = servicePod.path("containers").get(0);
        for (String same : List.of("/securityContext", "/terminationGracePeriodSeconds")) {
            assertThat(pod.at(same)).as(same).isEqualTo(servicePod.at(same));
        }
        for (String same :
                List.of("/securityContext", "/lifecycle", "/startupProbe", "/livenessProbe", "/readinessProbe")) {
            assertThat(container.at(same)).as(same).isEqualTo(serviceContainer.at(same));
        }

        List<String> settings =
                new ArrayList<>(object("ConfigMap/" + CONSOLE).path("data").propertyNames());
        container.path("env").forEach(env -> settings.add(env.path("name").asString()));
        assertThat(settings)
                .isNotEmpty()
                .noneMatch(setting -> setting.startsWith("SPRING_DATASOURCE")
                        || setting.startsWith("SPRING_FLYWAY")
                        || setting.startsWith("SPRING_CLOUD_STREAM")
                        || setting.startsWith("SPRING_KAFKA"));
        assertThat(pod.path("volumes"))
                .extracting(v -> v.path("name").asString())
                .containsExactly("tmp");
        assertThat(objects)
                .filteredOn(o -> o.path("kind").asString().equals("KafkaUser")
                        || o.path("kind").asString().equals("HorizontalPodAutoscaler"))
                .extracting(Chart::component)
                .doesNotContain("staff-console");

        assertThat(PlatformRules.selects(
                        object("PodDisruptionBudget/" + CONSOLE).at("/spec/selector/matchLabels"),
                        deployment.at("/spec/template/metadata/labels")))
                .isTrue();
    }

    @Test
    void isReachedFromTheIngressControllerOnlyAndReachesTheServicesTheProviderAndDns() {
        JsonNode consolePod = object("Deployment/" + CONSOLE).at("/spec/template/metadata/labels");
        JsonNode policy = object("NetworkPolicy/" + CONSOLE).path("spec");
        assertThat(PlatformRules.selects(policy.at("/podSelector/matchLabels"), consolePod))
                .isTrue();
        assertThat(policy.path("ingress")).singleElement().satisfies(rule -> {
            assertThat(rule.at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                            .asString())
                    .isEqualTo("ingress-nginx");
            assertThat(rule.at("/ports").toString()).contains("8080").doesNotContain("8081");
        });

        String egress = policy.path("egress").toString();
        assertThat(egress).contains("kube-dns", "443").doesNotContain("5432", "9093");
        JsonNode toServices = StreamSupport.stream(policy.path("egress").spliterator(), false)
                .filter(rule -> rule.at("/to/0/podSelector/matchLabels").isObject()
                        && !rule.at("/to/0/podSelector/matchLabels").has("k8s-app"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no egress rule to the services' pods"));
        assertThat(toServices.at("/ports/0/port").asInt()).isEqualTo(8080);
        for (String service : ServiceBindings.SERVICES) {
            assertThat(PlatformRules.selects(
                            toServices.at("/to/0/podSelector/matchLabels"),
                            object("Deployment/" + Chart.name(service)).at("/spec/template/metadata/labels")))
                    .as("the console may reach " + service)
                    .isTrue();
        }
        assertThat(PlatformRules.selects(toServices.at("/to/0/podSelector/matchLabels"), consolePod))
                .isFalse();

        JsonNode deny = object("NetworkPolicy/iopcare-default-deny").at("/spec/podSelector");
        assertThat(PlatformRules.selects(deny.path("matchLabels"), consolePod)).isTrue();
        assertThat(deny.at("/matchExpressions/0/values").toString()).contains("\"console\"", "\"service\"");
    }

    @Test
    void everyServiceAdmitsTheConsoleOnItsApiPortOnly() {
        JsonNode consolePod = object("Deployment/" + CONSOLE).at("/spec/template/metadata/labels");
        for (String service : ServiceBindings.SERVICES) {
            assertThat(object("NetworkPolicy/" + Chart.name(service)).at("/spec/ingress"))
                    .as(service)
                    .filteredOn(rule -> PlatformRules.selects(rule.at("/from/0/podSelector/matchLabels"), consolePod))
                    .singleElement()
                    .satisfies(rule -> assertThat(rule.path("ports").toString())
                            .contains("8080")
                            .doesNotContain("8081"));
        }
    }

    @Test
    void itsIngressKeepsABrowserOnThePodThatHoldsItsSession() {
        JsonNode ingress = object("Ingress/" + CONSOLE);
        JsonNode annotations = ingress.at("/metadata/annotations");
        assertThat(annotations.path("nginx.ingress.kubernetes.io/affinity").asString())
                .isEqualTo("cookie");
        assertThat(annotations.path("nginx.ingress.kubernetes.io/affinity-mode").asString())
                .isEqualTo("persistent");
        assertThat(annotations
                        .path("nginx.ingress.kubernetes.io/session-cookie-name")
                        .asString())
                .isNotBlank();
        assertThat(annotations
                        .path("nginx.ingress.kubernetes.io/session-cookie-secure")
                        .asString())
                .isEqualTo("true");
        // Lax: the identity provider's redirect back after sign-in, a cross-site navigation, carries it
        assertThat(annotations
                        .path("nginx.ingress.kubernetes.io/session-cookie-samesite")
                        .asString())
                .isEqualTo("Lax");

        JsonNode spec = ingress.path("spec");
        assertThat(spec.path("ingressClassName").asString()).isEqualTo("nginx");
        assertThat(spec.at("/rules/0/host").asString()).isEqualTo("staff.iopcare.example.org");
        assertThat(spec.at("/tls/0/secretName").asString()).isEqualTo("iopcare-staff-console-tls");
        assertThat(spec.at("/tls/0/hosts/0").asString()).isEqualTo("staff.iopcare.example.org");
        JsonNode backend = spec.at("/rules/0/http/paths/0/backend/service");
        assertThat(backend.path("name").asString()).isEqualTo(CONSOLE);
        assertThat(object("Service/" + CONSOLE).at("/spec/ports"))
                .anySatisfy(port -> assertThat(port.path("name").asString())
                        .isEqualTo(backend.at("/port/name").asString()));
    }

    @Test
    void anIngressWithoutAHostOrTlsStillMatchesTheSchema() {
        List<JsonNode> hostless = Chart.render(Map.of("console.ingress.host", "", "console.ingress.tlsSecretName", ""));
        assertThat(schemas.violations(hostless)).isEmpty();
        assertThat(hostless)
                .filteredOn(o -> Chart.id(o).equals("Ingress/" + CONSOLE))
                .singleElement()
                .satisfies(ingress -> {
                    assertThat(ingress.at("/spec/rules/0").has("host")).isFalse();
                    assertThat(ingress.at("/spec").has("tls")).isFalse();
                });
    }

    @Test
    void withoutTheConsoleTheServicesAdmitNoConsole() {
        List<JsonNode> without = Chart.render(Map.of("console.enabled", "false"));
        assertThat(schemas.violations(without)).isEmpty();
        assertThat(new PlatformRules(without).violations(Topics.ALL, ServiceBindings.consumed()))
                .isEmpty();
        assertThat(without)
                .extracting(o -> o.path("metadata").path("name").asString())
                .doesNotContain(CONSOLE);
        assertThat(without)
                .filteredOn(o -> o.path("kind").asString().equals("NetworkPolicy"))
                .allSatisfy(policy -> assertThat(policy.toString()).doesNotContain("staff-console"));
    }

    private static JsonNode object(String id) {
        return objects.stream()
                .filter(o -> Chart.id(o).equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id));
    }
}
