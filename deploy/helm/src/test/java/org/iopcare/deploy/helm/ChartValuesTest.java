package org.iopcare.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iopcare.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The chart's other shapes: every ci/*-values.yaml, images by digest, the helm test pod. */
class ChartValuesTest {

    final KubernetesSchemas schemas = new KubernetesSchemas();

    @Test
    void everyCiValuesFileRendersMatchesTheSchemasAndFollowsTheRules() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Chart.DIRECTORY.resolve("ci"))) {
            files = listed.filter(f -> f.getFileName().toString().endsWith("-values.yaml"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (Path file : files) {
            List<JsonNode> objects = Chart.render(file);
            assertThat(schemas.violations(objects)).as(file.toString()).isEmpty();
            assertThat(new PlatformRules(objects).violations(Topics.ALL, ServiceBindings.consumed()))
                    .as(file.toString())
                    .isEmpty();
        }
    }

    @Test
    void anImagesDigestWinsOverTheTag() {
        String digest = "sha256:" + "ab".repeat(32);
        List<JsonNode> objects = Chart.render(Map.of("image.digests.scheduling-service", digest));
        assertThat(WaysInTest.object(objects, "Deployment/" + Chart.name("scheduling-service"))
                        .at("/spec/template/spec/containers/0/image")
                        .asString())
                .isEqualTo("registry.example.org/iopcare/scheduling-service@" + digest);
        assertThat(WaysInTest.object(objects, "Deployment/" + Chart.name("intake-service"))
                        .at("/spec/template/spec/containers/0/image")
                        .asString())
                .isEqualTo("registry.example.org/iopcare/intake-service:0.1.0-SNAPSHOT");
    }

    @Test
    void helmTestAsksEveryServicesReadinessWhereItsPolicyAdmitsIt(@TempDir Path work) throws IOException {
        assertThat(Files.readString(Chart.DIRECTORY.resolve("templates/tests/readiness.yaml")))
                .contains(Chart.HOOK + " test");
        List<JsonNode> objects = Chart.renderWithTestHooks(work, Chart.RELEASE);
        JsonNode pod = WaysInTest.object(objects, "Pod/" + Chart.name("test-readiness"));
        assertThat(pod.at("/metadata/annotations/iopcare.org~1rendered-hook").asString())
                .isEqualTo("test");
        assertThat(schemas.violations(List.of(pod))).isEmpty();
        assertThat(pod.at("/spec/restartPolicy").asString()).isEqualTo("Never");
        assertThat(pod.at("/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/spec/containers/0/securityContext/readOnlyRootFilesystem")
                        .asBoolean())
                .isTrue();
        String args = pod.at("/spec/containers/0/args").toString();
        JsonNode podLabels = pod.at("/metadata/labels");
        for (String service : ServiceBindings.SERVICES) {
            String management = Chart.name(service) + "-management";
            assertThat(args).contains("http://" + management + ":8081/actuator/health/readiness");
            WaysInTest.object(objects, "Service/" + management);
            assertThat(WaysInTest.object(objects, "NetworkPolicy/" + Chart.name(service))
                            .at("/spec/ingress"))
                    .as(service + " admits the test pod on its management port")
                    .anySatisfy(rule -> {
                        assertThat(PlatformRules.selects(rule.at("/from/0/podSelector/matchLabels"), podLabels))
                                .isTrue();
                        assertThat(rule.at("/ports/0/port").asInt()).isEqualTo(8081);
                    });
        }
        assertThat(Chart.render(Map.of("tests.enabled", "false")))
                .noneMatch(o -> o.path("kind").asString().equals("Pod"))
                .noneMatch(o -> o.toString().contains("test-readiness"));
    }
}
