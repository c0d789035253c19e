package org.iopcare.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Two releases in one namespace: no object of one is an object of the other, nor reaches into it. */
class ReleaseScopeTest {

    @Test
    void twoReleasesInOneNamespaceShareNoObjectName(@TempDir Path work) throws IOException {
        List<JsonNode> east = Chart.renderWithTestHooks(Files.createDirectory(work.resolve("east")), "east");
        List<JsonNode> west = Chart.renderWithTestHooks(Files.createDirectory(work.resolve("west")), "west");
        Set<String> eastIds = ids(east);
        assertThat(eastIds).hasSize(east.size());
        assertThat(ids(west)).hasSize(west.size()).doesNotContainAnyElementsOf(eastIds);
        // and the hook pod of helm test
        assertThat(eastIds).contains("Pod/east-test-readiness");
    }

    @Test
    void eachReleasesPodsSelectorsAndPoliciesKeepToItsOwnRelease() {
        List<JsonNode> west = Chart.parse(Chart.renderText("west", Map.of()));
        for (JsonNode object : west) {
            for (JsonNode selector : object.findValues("matchLabels")) {
                if (selector.has("app.kubernetes.io/part-of") || selector.has("app.kubernetes.io/name")) {
                    assertThat(selector.path("app.kubernetes.io/instance").asString())
                            .as(Chart.id(object) + " selects " + selector)
                            .isEqualTo("west");
                }
            }
            if (object.path("kind").asString().equals("Service")) {
                assertThat(object.at("/spec/selector/app.kubernetes.io~1instance")
                                .asString())
                        .isEqualTo("west");
            }
        }
        JsonNode console = west.stream()
                .filter(o -> Chart.id(o).equals("ConfigMap/west-staff-console"))
                .findFirst()
                .orElseThrow();
        assertThat(console.at("/data/IOPCARE_CONSOLE_INTAKE").asString()).isEqualTo("http://west-intake-service:80");
        assertThat(west)
                .filteredOn(o -> o.path("kind").asString().startsWith("Kafka"))
                .allSatisfy(o -> assertThat(
                                o.at("/metadata/labels/strimzi.io~1cluster").asString("west-kafka"))
                        .isEqualTo("west-kafka"));
    }

    @Test
    void aReleaseNameTooLongForAServiceNameFailsInsteadOfBeingCut() {
        String release = "a-release-name-much-too-long-for-it";
        assertThatThrownBy(() -> Chart.renderText(release, Map.of()))
                .hasMessageContaining(release + "-")
                .hasMessageContaining("-management is longer than 63 characters: choose a shorter release name");
    }

    private static Set<String> ids(List<JsonNode> objects) {
        return objects.stream().map(Chart::id).collect(Collectors.toSet());
    }
}
