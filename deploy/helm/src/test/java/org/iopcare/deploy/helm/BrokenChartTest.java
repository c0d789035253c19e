package org.iopcare.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iopcare.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Deliberately broken values: the checks that guard CI must catch each of them. */
class BrokenChartTest {

    final KubernetesSchemas schemas = new KubernetesSchemas();

    @Test
    void aRootContainerBreaksTheRules() {
        assertThatThrownBy(() -> Chart.render(Map.of("defaults.runAsUser", "0")))
                .hasMessageContaining("/defaults/runAsUser");
        List<JsonNode> objects = Chart.render();
        objects.stream()
                .filter(o -> o.path("kind").asString().equals("Deployment"))
                .forEach(o ->
                        ((ObjectNode) o.at("/spec/template/spec/containers/0/securityContext")).put("runAsUser", 0));
        assertThat(rules(objects))
                .hasSize(5)
                .allSatisfy(problem -> assertThat(problem).contains("not non-root"));
    }

    @Test
    void actuatorOnTheApiPortBreaksTheRules() {
        assertThat(rules(Chart.render(Map.of("ports.management", "8080"))))
                .isNotEmpty()
                .anySatisfy(problem -> assertThat(problem).contains("MANAGEMENT_SERVER_PORT unset or the API port"))
                .anySatisfy(problem -> assertThat(problem).contains("exposes the management port"));
    }

    @Test
    void aMisspelledValueFailsTheValuesSchemaBeforeAnythingRenders() {
        assertThatThrownBy(() -> Chart.render(Map.of("defaults.resources.limts.cpu", "1")))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("limts");
    }

    @Test
    void aWronglyTypedValueFailsTheValuesSchemaBeforeAnythingRenders() {
        assertThatThrownBy(() -> Chart.render(Map.of("kafka.partitions", "six")))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("partitions");
    }

    @Test
    void aMisspelledFieldFailsTheKubernetesSchema() {
        List<JsonNode> objects = Chart.render();
        objects.stream()
                .filter(o -> Chart.id(o).equals("Deployment/" + Chart.name("intake-service")))
                .forEach(o -> ((ObjectNode) o.at("/spec/template/spec/containers/0/resources"))
                        .putObject("limts")
                        .put("cpu", "1"));
        assertThat(schemas.violations(objects))
                .singleElement()
                .satisfies(problem -> assertThat(problem)
                        .startsWith("Deployment/iopcare-intake-service")
                        .contains("unknown field(s) [limts]"));
    }

    @Test
    void aWronglyTypedFieldFailsTheOperatorSchema() {
        List<JsonNode> objects = Chart.render();
        objects.stream()
                .filter(o -> Chart.id(o).equals("KafkaTopic/" + Chart.name("enrolled")))
                .forEach(o -> ((ObjectNode) o.path("spec")).put("partitions", "six"));
        assertThat(schemas.violations(objects))
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem).startsWith("KafkaTopic/iopcare-enrolled"));
    }

    @Test
    void aServiceThatLostATopicItConsumesBreaksTheRules(@TempDir Path dir) throws IOException {
        Path values = dir.resolve("broken.yaml");
        Files.writeString(values, """
                services:
                  scheduling-service:
                    consumes: [enrolled, discharged]
                """);
        assertThat(rules(Chart.render(values)))
                .contains(
                        "no KafkaTopic for error.attendance-confirmed.scheduling-service",
                        "KafkaUser/scheduling-service: cannot read attendance-confirmed, which it consumes");
    }

    @Test
    void aServiceGrantedATopicItDoesNotBindBreaksTheRules(@TempDir Path dir) throws IOException {
        Path values = dir.resolve("broken.yaml");
        Files.writeString(values, """
                services:
                  scheduling-service:
                    consumes: [enrolled, client-transferred, discharged, attendance-confirmed, care-team-changed, emergency-access-granted, plan-updated]
                """);
        assertThat(rules(Chart.render(values)))
                .containsExactly("KafkaUser/scheduling-service: may read plan-updated, which it does not bind");
    }

    @Test
    void aServiceWithoutLimitsOrProbesBreaksTheRules(@TempDir Path dir) throws IOException {
        Path values = dir.resolve("broken.yaml");
        Files.writeString(values, """
                services:
                  intake-service:
                    resources:
                      requests: { cpu: 100m }
                """);
        assertThat(rules(Chart.render(values)))
                .containsExactlyInAnyOrder(
                        "Deployment/iopcare-intake-service container intake-service: no cpu request and limit",
                        "Deployment/iopcare-intake-service container intake-service: no memory request and limit");
    }

    @Test
    void aServiceRunningAsItsSchemasOwnerBreaksTheRules() {
        List<JsonNode> objects = Chart.render();
        objects.stream()
                .filter(o -> o.path("kind").asString().equals("ConfigMap"))
                .filter(o -> Chart.id(o).equals("ConfigMap/" + Chart.name("scheduling-service")))
                .forEach(o -> ((ObjectNode) o.path("data")).put("SPRING_DATASOURCE_USERNAME", "scheduling"));

        assertThat(rules(objects))
                .filteredOn(problem -> problem.startsWith("scheduling-service"))
                .containsExactlyInAnyOrder(
                        "scheduling-service: runs as its schema's owner (SPRING_DATASOURCE_USERNAME must be a runtime"
                                + " role apart from SPRING_FLYWAY_USER)",
                        "scheduling-service: runtime role scheduling may not use schema scheduling",
                        "scheduling-service: SPRING_DATASOURCE_PASSWORD is not from the secret of role scheduling");
    }

    @Test
    void aRuntimeRoleWithoutItsOwnSecretBreaksTheRules() {
        List<JsonNode> objects = Chart.render();
        objects.stream()
                .filter(o -> o.path("kind").asString().equals("Cluster"))
                .forEach(o -> {
                    var roles = (tools.jackson.databind.node.ArrayNode)
                            o.path("spec").path("managed").path("roles");
                    for (int i = roles.size() - 1; i >= 0; i--) {
                        if (roles.get(i).path("name").asString().equals("intake_app")) {
                            roles.remove(i);
                        }
                    }
                });

        assertThat(rules(objects))
                .filteredOn(problem -> problem.startsWith("intake-service"))
                .containsExactlyInAnyOrder(
                        "intake-service: no login role 'intake_app' with a password secret",
                        "intake-service: SPRING_DATASOURCE_PASSWORD is not from the secret of role intake_app");
    }

    @Test
    void aConsoleGivenADatabaseSettingBreaksTheRules() {
        assertThat(rules(Chart.render(
                        Map.of("console.env.SPRING_DATASOURCE_URL", "jdbc:postgresql://iopcare-db-rw:5432/iopcare"))))
                .containsExactly("staff-console: holds a database or Kafka setting (SPRING_DATASOURCE_URL)");
    }

    @Test
    void aDeploymentWithoutADisruptionBudgetBreaksTheRules() {
        List<JsonNode> objects = Chart.render().stream()
                .filter(o -> !Chart.id(o).equals("PodDisruptionBudget/" + Chart.name("staff-console")))
                .toList();
        assertThat(rules(objects))
                .containsExactly(
                        "Deployment/" + Chart.name("staff-console") + ": no PodDisruptionBudget selects its pods");
    }

    private static List<String> rules(List<JsonNode> objects) {
        return new PlatformRules(objects).violations(Topics.ALL, ServiceBindings.consumed());
    }
}
