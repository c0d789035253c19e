package org.iopcare.deploy.helm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks rendered objects against Kubernetes schemas without a cluster. Built-in kinds are read
 * into fabric8's Kubernetes model (the API's own types; a wrong type fails, and a field the API
 * does not have is reported, since fabric8 would otherwise keep it aside silently). Operator
 * kinds (Strimzi, CloudNativePG, Prometheus Operator, KEDA) are checked against the JSON Schemas
 * in {@code src/test/resources/schemas}: the subset of each CRD that this chart uses, closed to
 * unknown fields.
 */
final class KubernetesSchemas {

    private static final Map<String, Class<?>> BUILT_IN = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Pod", Pod.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    private static final ObjectMapper KUBERNETES =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Map<String, Schema> operatorSchemas = new HashMap<>();

    /** Every schema violation of every object; empty when all are valid. */
    List<String> violations(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            String apiVersion = object.path("apiVersion").asString();
            String kind = object.path("kind").asString();
            String id = Chart.id(object);
            Class<?> type = BUILT_IN.get(apiVersion + "/" + kind);
            if (type != null) {
                builtIn(object, type, id, problems);
            } else {
                Schema schema = operatorSchema(apiVersion, kind);
                if (schema == null) {
                    problems.add(id + ": no schema for " + apiVersion + " " + kind);
                } else {
                    schema.validate(object).forEach(error -> problems.add(id + ": " + error));
                }
            }
        }
        return problems;
    }

    private static void builtIn(JsonNode object, Class<?> type, String id, List<String> problems) {
        try {
            Object model = KUBERNETES.readValue(object.toString(), type);
            unknownFields(model, "", problems, id);
        } catch (Exception e) {
            problems.add(id + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private Schema operatorSchema(String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return operatorSchemas.computeIfAbsent(group + "_" + kind, name -> {
            InputStream in = KubernetesSchemas.class.getResourceAsStream("/schemas/" + name + ".json");
            return in == null ? null : SCHEMAS.getSchema(in);
        });
    }

    /** fabric8 keeps fields its model lacks in additionalProperties: each one is an unknown field. */
    private static void unknownFields(Object value, String path, List<String> problems, String id) throws Exception {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", problems, id);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                unknownFields(entry.getValue(), path + "." + entry.getKey(), problems, id);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!getter.getName().startsWith("get")
                    || getter.getParameterCount() > 0
                    || Modifier.isStatic(getter.getModifiers())
                    || getter.getName().equals("getClass")) {
                continue;
            }
            Object child = getter.invoke(value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(id + ": unknown field(s) " + extra.keySet() + " at " + (path.isEmpty() ? "/" : path));
                }
            } else {
                String property = Character.toLowerCase(getter.getName().charAt(3))
                        + getter.getName().substring(4);
                unknownFields(child, path + "." + property, problems, id);
            }
        }
    }
}
