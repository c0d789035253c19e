package org.iopcare.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The only ways in from outside the cluster: the staff console and the public inquiry form's
 * {@code POST /api/inquiries} (docs/intake-service.md), as Ingresses or Gateway API HTTPRoutes.
 */
class WaysInTest {

    static final String INTAKE = Chart.name("intake-service");

    @Test
    void theIngressesReachTheConsoleAndTheInquiryFormsExactPathOnly() {
        List<JsonNode> objects = Chart.render();
        assertThat(objects)
                .filteredOn(o -> o.path("kind").asString().equals("Ingress"))
                .extracting(Chart::id)
                .containsExactlyInAnyOrder(
                        "Ingress/" + Chart.name("staff-console"), "Ingress/" + Chart.name("inquiry-form"));
        JsonNode form = object(objects, "Ingress/" + Chart.name("inquiry-form")).path("spec");
        assertThat(form.path("rules")).singleElement().satisfies(rule -> {
            assertThat(rule.path("host").asString()).isEqualTo("care.iopcare.example.org");
            assertThat(rule.at("/http/paths")).singleElement().satisfies(path -> {
                assertThat(path.path("path").asString()).isEqualTo("/api/inquiries");
                assertThat(path.path("pathType").asString()).isEqualTo("Exact");
                assertThat(path.at("/backend/service/name").asString()).isEqualTo(INTAKE);
                assertThat(path.at("/backend/service/port/name").asString()).isEqualTo("http");
            });
        });
        assertThat(form.at("/tls/0/secretName").asString()).isEqualTo("iopcare-inquiry-form-tls");
        assertThat(object(objects, "Service/" + INTAKE).at("/spec/ports/0/name").asString())
                .isEqualTo("http");
    }

    @Test
    void theGatewayRoutesMatchTheFormsMethodTooAndKeepConsoleSessionsOnTheirPod() {
        List<JsonNode> objects = Chart.render(Path.of(Chart.DIRECTORY.toString(), "ci", "gateway-values.yaml"));
        assertThat(objects).noneMatch(o -> o.path("kind").asString().equals("Ingress"));
        JsonNode form =
                object(objects, "HTTPRoute/" + Chart.name("inquiry-form")).path("spec");
        assertThat(form.at("/parentRefs/0/name").asString()).isEqualTo("shared-gateway");
        assertThat(form.at("/hostnames/0").asString()).isEqualTo("care.iopcare.example.org");
        assertThat(form.path("rules")).singleElement().satisfies(rule -> {
            assertThat(rule.path("matches")).singleElement().satisfies(match -> {
                assertThat(match.at("/path/type").asString()).isEqualTo("Exact");
                assertThat(match.at("/path/value").asString()).isEqualTo("/api/inquiries");
                assertThat(match.path("method").asString()).isEqualTo("POST");
            });
            assertThat(rule.at("/backendRefs/0/name").asString()).isEqualTo(INTAKE);
            assertThat(rule.at("/backendRefs/0/port").asInt()).isEqualTo(80);
        });
        JsonNode console =
                object(objects, "HTTPRoute/" + Chart.name("staff-console")).path("spec");
        assertThat(console.at("/hostnames/0").asString()).isEqualTo("staff.iopcare.example.org");
        assertThat(console.at("/rules/0/backendRefs/0/name").asString()).isEqualTo(Chart.name("staff-console"));
        assertThat(console.at("/rules/0/sessionPersistence/type").asString()).isEqualTo("Cookie");
        assertThat(new KubernetesSchemas().violations(objects)).isEmpty();
    }

    @Test
    void noOtherServiceIsRoutedFromOutside() {
        for (List<JsonNode> objects : List.of(
                Chart.render(), Chart.render(Path.of(Chart.DIRECTORY.toString(), "ci", "gateway-values.yaml")))) {
            assertThat(objects)
                    .filteredOn(o -> o.path("kind").asString().equals("Ingress")
                            || o.path("kind").asString().equals("HTTPRoute"))
                    .isNotEmpty()
                    .allSatisfy(route -> assertThat(backends(route)).isSubsetOf(Chart.name("staff-console"), INTAKE));
        }
    }

    private static List<String> backends(JsonNode route) {
        List<String> names = new ArrayList<>();
        route.findValues("service")
                .forEach(service -> names.add(service.path("name").asString()));
        route.findValues("backendRefs")
                .forEach(refs -> refs.forEach(ref -> names.add(ref.path("name").asString())));
        return names;
    }

    static JsonNode object(List<JsonNode> objects, String id) {
        return objects.stream()
                .filter(o -> Chart.id(o).equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id));
    }
}
