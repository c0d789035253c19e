package org.iopcare.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.iopcare.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each service's KafkaUser grants what the service's own configuration binds, no more: read on
 * exactly the topics of its consumer bindings, its consumer group, write on their dead-letter
 * topics, and write on event topics of the catalogue only (the outbox relay publishes without
 * bindings).
 */
class KafkaAclTest {

    static List<JsonNode> objects;

    @BeforeAll
    static void render() {
        objects = Chart.render();
    }

    @Test
    void everyServicesUserGrantsExactlyWhatItsBindingsUse() {
        for (String service : ServiceBindings.SERVICES) {
            List<ServiceBindings.Input> inputs = ServiceBindings.inputs(service);
            Set<String> expected = new TreeSet<>();
            for (ServiceBindings.Input input : inputs) {
                expected.add("topic " + input.topic() + " [Read, Describe]");
                expected.add("topic " + input.deadLetterTopic() + " [Write, Describe]");
                expected.add("group " + input.group() + " [Read, Describe]");
            }
            Set<String> granted = new TreeSet<>();
            Set<String> produced = new TreeSet<>();
            for (JsonNode acl : user(service).at("/spec/authorization/acls")) {
                JsonNode resource = acl.path("resource");
                assertThat(resource.path("patternType").asString()).as(service).isEqualTo("literal");
                String grant = resource.path("type").asString() + " "
                        + resource.path("name").asString() + " " + operations(acl);
                boolean eventWrite = resource.path("type").asString().equals("topic")
                        && Topics.ALL.contains(resource.path("name").asString())
                        && operations(acl).equals("[Write, Describe]");
                if (eventWrite) {
                    produced.add(resource.path("name").asString());
                } else {
                    granted.add(grant);
                }
            }
            assertThat(granted).as(service + ": ACLs beyond its event topics").isEqualTo(expected);
            assertThat(Topics.ALL).as(service + " writes catalogue topics only").containsAll(produced);
        }
    }

    @Test
    void theBindingsAreReadAsSpringReadsThem() {
        assertThat(ServiceBindings.inputs("intake-service"))
                .containsExactly(
                        new ServiceBindings.Input(
                                "contactConsentChanged-in-0",
                                Topics.CONTACT_CONSENT_CHANGED,
                                "intake-service",
                                "error.contact-consent-changed.intake-service"),
                        new ServiceBindings.Input(
                                "trackChanged-in-0",
                                Topics.TRACK_CHANGED,
                                "intake-service",
                                "error.track-changed.intake-service"));
        assertThat(ServiceBindings.inputs("scheduling-service"))
                .contains(new ServiceBindings.Input(
                        "enrolled-in-0", Topics.ENROLLED, "scheduling-service", "error.enrolled.scheduling-service"));
    }

    private static JsonNode user(String service) {
        return objects.stream()
                .filter(o -> Chart.id(o).equals("KafkaUser/" + Chart.name(service)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaUser for " + service));
    }

    private static String operations(JsonNode acl) {
        List<String> operations = new java.util.ArrayList<>();
        acl.path("operations").forEach(operation -> operations.add(operation.asString()));
        return operations.toString();
    }
}
