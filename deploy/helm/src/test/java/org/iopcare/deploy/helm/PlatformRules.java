package org.iopcare.deploy.helm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Our own rules for the rendered platform, beyond what the schemas say: every container locked
 * down with probes and limits, every Deployment under a disruption budget, Actuator on a
 * management port the API Service does not expose, every topic the services use provisioned, every
 * service with its Kafka user and its two database roles (the schema's owner for migrations, a
 * runtime role apart from it for everything else), and the Deployments that are not services (the
 * staff console) without any database or Kafka setting or credential.
 */
final class PlatformRules {

    private final List<JsonNode> objects;

    PlatformRules(List<JsonNode> objects) {
        this.objects = objects;
    }

    /** Every broken rule; empty when the platform is fit to deploy. */
    List<String> violations(Collection<String> eventTopics, Map<String, Set<String>> consumedByService) {
        List<String> problems = new ArrayList<>();
        containers(problems);
        disruptionBudgets(problems);
        exposure(consumedByService.keySet(), problems);
        clientsOnly(consumedByService.keySet(), problems);
        topics(eventTopics, consumedByService, problems);
        users(consumedByService, problems);
        databaseRoles(consumedByService.keySet(), problems);
        return problems;
    }

    private void containers(List<String> problems) {
        for (JsonNode deployment : ofKind("Deployment")) {
            String id = Chart.id(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
                problems.add(id + ": pod securityContext.runAsNonRoot is not true");
            }
            if (!"RuntimeDefault"
                    .equals(pod.path("securityContext")
                            .path("seccompProfile")
                            .path("type")
                            .asString(""))) {
                problems.add(id + ": pod seccompProfile is not RuntimeDefault");
            }
            if (pod.path("terminationGracePeriodSeconds").asInt(0) < 30) {
                problems.add(id + ": terminationGracePeriodSeconds below 30");
            }
            for (JsonNode container : pod.path("containers")) {
                String c = id + " container " + container.path("name").asString();
                JsonNode security = container.path("securityContext");
                if (!security.path("runAsNonRoot").asBoolean(false)
                        || security.path("runAsUser").asInt(0) == 0) {
                    problems.add(c + ": not non-root");
                }
                if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(c + ": root filesystem is writable");
                }
                if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(c + ": allows privilege escalation");
                }
                if (!security.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
                    problems.add(c + ": does not drop all capabilities");
                }
                for (String probe : List.of("livenessProbe", "readinessProbe")) {
                    String path =
                            container.path(probe).path("httpGet").path("path").asString("");
                    if (!path.startsWith("/actuator/health/")) {
                        problems.add(c + ": no " + probe + " on /actuator/health/…");
                    }
                }
                for (String resource : List.of("cpu", "memory")) {
                    if (container
                                    .path("resources")
                                    .path("limits")
                                    .path(resource)
                                    .isMissingNode()
                            || container
                                    .path("resources")
                                    .path("requests")
                                    .path(resource)
                                    .isMissingNode()) {
                        problems.add(c + ": no " + resource + " request and limit");
                    }
                }
                if (container.path("lifecycle").path("preStop").isMissingNode()) {
                    problems.add(c + ": no preStop hook");
                }
                boolean tmp = false;
                for (JsonNode mount : container.path("volumeMounts")) {
                    tmp |= "/tmp".equals(mount.path("mountPath").asString());
                }
                if (!tmp) {
                    problems.add(c + ": no writable /tmp volume");
                }
            }
        }
    }

    /** A voluntary disruption (a node drain) never takes every pod of a Deployment at once. */
    private void disruptionBudgets(List<String> problems) {
        for (JsonNode deployment : ofKind("Deployment")) {
            JsonNode podLabels =
                    deployment.path("spec").path("template").path("metadata").path("labels");
            boolean covered = ofKind("PodDisruptionBudget").stream()
                    .anyMatch(pdb -> selects(pdb.path("spec").path("selector").path("matchLabels"), podLabels));
            if (!covered) {
                problems.add(Chart.id(deployment) + ": no PodDisruptionBudget selects its pods");
            }
        }
    }

    /** True when every label of a non-empty {@code matchLabels} is on {@code labels}. */
    static boolean selects(JsonNode matchLabels, JsonNode labels) {
        if (!matchLabels.isObject() || matchLabels.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> label : matchLabels.properties()) {
            if (!label.getValue().asString().equals(labels.path(label.getKey()).asString(null))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A Deployment that is not one of the services (the staff console) calls their APIs and holds
     * nothing of theirs: no database or Kafka setting, credential or certificate, no Kafka user.
     */
    private void clientsOnly(Set<String> services, List<String> problems) {
        List<String> prefixes =
                List.of("SPRING_DATASOURCE_", "SPRING_FLYWAY_", "SPRING_CLOUD_STREAM_", "SPRING_KAFKA_");
        Set<String> kafkaUsers =
                ofKind("KafkaUser").stream().map(Chart::component).collect(Collectors.toSet());
        for (JsonNode deployment : ofKind("Deployment")) {
            String name = Chart.component(deployment);
            if (services.contains(name)) {
                continue;
            }
            Set<String> settings = new java.util.TreeSet<>();
            configOf(deployment).propertyNames().forEach(settings::add);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            pod.path("containers")
                    .forEach(container -> container
                            .path("env")
                            .forEach(env -> settings.add(env.path("name").asString())));
            settings.stream()
                    .filter(setting -> prefixes.stream().anyMatch(setting::startsWith))
                    .forEach(setting -> problems.add(name + ": holds a database or Kafka setting (" + setting + ")"));
            pod.path("volumes").forEach(volume -> {
                String secret = volume.path("secret").path("secretName").asString("");
                if (secret.endsWith("-cluster-ca-cert") || secret.endsWith("-ca")) {
                    problems.add(name + ": mounts a database or Kafka certificate (" + secret + ")");
                }
            });
            if (kafkaUsers.contains(name)) {
                problems.add(name + ": has a KafkaUser");
            }
        }
    }

    /** Actuator on its own port (docs/adr/0003): probes and scrape there, never on the API Service. */
    private void exposure(Set<String> services, List<String> problems) {
        for (JsonNode deployment : ofKind("Deployment")) {
            String service = Chart.component(deployment);
            String fullName = deployment.path("metadata").path("name").asString();
            JsonNode config = configOf(deployment);
            String apiPort = config.path("SERVER_PORT").asString("");
            String managementPort = config.path("MANAGEMENT_SERVER_PORT").asString("");
            if (managementPort.isBlank() || managementPort.equals(apiPort)) {
                problems.add(service + ": MANAGEMENT_SERVER_PORT unset or the API port");
            }
            // the services verify staff tokens; the console obtains them and is no resource server
            if (services.contains(service)
                    && config.path("IOPCARE_SECURITY_JWT_AUDIENCE").asString("").isBlank()) {
                problems.add(service + ": no IOPCARE_SECURITY_JWT_AUDIENCE");
            }
            // container port name -> number, across the pod's containers
            Map<String, String> ports = new java.util.HashMap<>();
            for (JsonNode container :
                    deployment.path("spec").path("template").path("spec").path("containers")) {
                container
                        .path("ports")
                        .forEach(port -> ports.put(
                                port.path("name").asString(),
                                port.path("containerPort").asString()));
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    String port =
                            container.path(probe).path("httpGet").path("port").asString("");
                    if (!port.equals("management") && !port.equals(managementPort)) {
                        problems.add(service + ": " + probe + " not on the management port");
                    }
                }
            }
            if (!managementPort.equals(ports.get("management")) || !apiPort.equals(ports.get("http"))) {
                problems.add(service + ": container ports do not match SERVER_PORT and MANAGEMENT_SERVER_PORT");
            }
            ofKind("Service").stream()
                    .filter(s -> fullName.equals(s.path("metadata").path("name").asString()))
                    .flatMap(s -> java.util.stream.StreamSupport.stream(
                            s.path("spec").path("ports").spliterator(), false))
                    .map(port -> port.path("targetPort").asString())
                    .filter(target -> ports.getOrDefault(target, target).equals(managementPort))
                    .findAny()
                    .ifPresent(target -> problems.add("Service/" + service + ": exposes the management port"));
        }
        for (JsonNode monitor : ofKind("ServiceMonitor")) {
            monitor.path("spec").path("endpoints").forEach(endpoint -> {
                if (!"management".equals(endpoint.path("port").asString())) {
                    problems.add(Chart.id(monitor) + ": scrapes a port other than management");
                }
            });
        }
    }

    private void topics(Collection<String> eventTopics, Map<String, Set<String>> consumed, List<String> problems) {
        Set<String> provisioned = ofKind("KafkaTopic").stream()
                .map(topic -> topic.path("spec").path("topicName").asString())
                .collect(Collectors.toSet());
        Set<String> required = new HashSet<>(eventTopics);
        consumed.forEach((service, topics) -> topics.forEach(topic -> {
            required.add(topic);
            // the binder dead-letters to error.<topic>.<group>, group = service name
            required.add("error." + topic + "." + service);
        }));
        required.stream()
                .filter(topic -> !provisioned.contains(topic))
                .sorted()
                .forEach(topic -> problems.add("no KafkaTopic for " + topic));
        for (JsonNode topic : ofKind("KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            if (spec.path("partitions").asInt(0) < 1
                    || spec.path("config").path("retention.ms").isMissingNode()) {
                problems.add(Chart.id(topic) + ": needs partitions and retention.ms");
            }
        }
    }

    private void users(Map<String, Set<String>> consumed, List<String> problems) {
        Map<String, JsonNode> users = ofKind("KafkaUser").stream().collect(Collectors.toMap(Chart::component, u -> u));
        for (String service : consumed.keySet()) {
            JsonNode user = users.get(service);
            if (user == null) {
                problems.add("no KafkaUser for " + service);
                continue;
            }
            Set<String> readable = new HashSet<>();
            boolean ownGroup = false;
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                String name = resource.path("name").asString();
                if (!"literal".equals(resource.path("patternType").asString("literal")) || name.equals("*")) {
                    problems.add("KafkaUser/" + service + ": ACL on a pattern or wildcard (" + name + ")");
                }
                if ("group".equals(resource.path("type").asString())) {
                    if (!name.equals(service)) {
                        problems.add("KafkaUser/" + service + ": ACL on another consumer group (" + name + ")");
                    }
                    ownGroup = true;
                } else if (acl.path("operations").toString().contains("\"Read\"")) {
                    readable.add(name);
                }
                if (acl.path("operations").toString().contains("\"All\"")) {
                    problems.add("KafkaUser/" + service + ": ACL grants All");
                }
            }
            for (String topic : consumed.getOrDefault(service, Set.of())) {
                if (!readable.contains(topic)) {
                    problems.add("KafkaUser/" + service + ": cannot read " + topic + ", which it consumes");
                }
            }
            readable.stream()
                    .filter(topic -> !consumed.getOrDefault(service, Set.of()).contains(topic))
                    .sorted()
                    .forEach(topic ->
                            problems.add("KafkaUser/" + service + ": may read " + topic + ", which it does not bind"));
            if (!readable.isEmpty() && !ownGroup) {
                problems.add("KafkaUser/" + service + ": no ACL for its consumer group");
            }
        }
    }

    /**
     * Per service two login roles with password secrets: the schema's owner, which migrates, and a
     * runtime role apart from it, which the connection pool uses and which may use the schema; each
     * password taken from its own role's secret.
     */
    private void databaseRoles(Set<String> services, List<String> problems) {
        List<JsonNode> clusters = ofKind("Cluster");
        if (clusters.isEmpty()) {
            problems.add("no CloudNativePG Cluster");
            return;
        }
        JsonNode cluster = clusters.get(0).path("spec");
        Map<String, String> secrets = new java.util.HashMap<>();
        cluster.path("managed").path("roles").forEach(role -> {
            String secret = role.path("passwordSecret").path("name").asString("");
            if (role.path("login").asBoolean(false) && !secret.isBlank()) {
                secrets.put(role.path("name").asString(), secret);
            }
        });
        String bootstrap = cluster.path("bootstrap")
                .path("initdb")
                .path("postInitApplicationSQL")
                .toString();
        for (JsonNode deployment : ofKind("Deployment")) {
            String service = Chart.component(deployment);
            if (!services.contains(service)) {
                continue;
            }
            JsonNode config = configOf(deployment);
            String runtime = config.path("SPRING_DATASOURCE_USERNAME").asString("");
            String owner = config.path("SPRING_FLYWAY_USER").asString("");
            for (String role : List.of(runtime, owner)) {
                if (!secrets.containsKey(role)) {
                    problems.add(service + ": no login role '" + role + "' with a password secret");
                }
            }
            if (owner.isBlank() || owner.equals(runtime)) {
                problems.add(service + ": runs as its schema's owner (SPRING_DATASOURCE_USERNAME must be a runtime"
                        + " role apart from SPRING_FLYWAY_USER)");
            }
            if (!bootstrap.contains("CREATE SCHEMA " + owner + " AUTHORIZATION " + owner)) {
                problems.add(service + ": no schema " + owner + " owned by its role");
            }
            // each statement is a JSON string of the array: the closing quote ends the role's name
            if (!bootstrap.contains("\"GRANT USAGE ON SCHEMA " + owner + " TO " + runtime + "\"")) {
                problems.add(service + ": runtime role " + runtime + " may not use schema " + owner);
            }
            Map<String, String> passwordSecrets = new java.util.HashMap<>();
            deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .forEach(container -> container
                            .path("env")
                            .forEach(env -> passwordSecrets.put(
                                    env.path("name").asString(),
                                    env.path("valueFrom")
                                            .path("secretKeyRef")
                                            .path("name")
                                            .asString(""))));
            if (!passwordSecrets.getOrDefault("SPRING_DATASOURCE_PASSWORD", "").equals(secrets.get(runtime))) {
                problems.add(service + ": SPRING_DATASOURCE_PASSWORD is not from the secret of role " + runtime);
            }
            if (!passwordSecrets.getOrDefault("SPRING_FLYWAY_PASSWORD", "").equals(secrets.get(owner))) {
                problems.add(service + ": SPRING_FLYWAY_PASSWORD is not from the secret of role " + owner);
            }
        }
        services.stream()
                .filter(service -> ofKind("Deployment").stream().noneMatch(d -> service.equals(Chart.component(d))))
                .forEach(service -> problems.add("no Deployment for " + service));
    }

    /** The data of the ConfigMap named like the Deployment (its envFrom). */
    private JsonNode configOf(JsonNode deployment) {
        String name = deployment.path("metadata").path("name").asString();
        return ofKind("ConfigMap").stream()
                .filter(map -> name.equals(map.path("metadata").path("name").asString()))
                .map(map -> map.path("data"))
                .findFirst()
                .orElse(tools.jackson.databind.node.MissingNode.getInstance());
    }

    private List<JsonNode> ofKind(String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asString()))
                .toList();
    }
}
