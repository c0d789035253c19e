package org.iopcare.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the platform's services as the launcher sees it.
 *
 * @param name the module and log name, e.g. {@code intake-service}
 * @param schema the database schema and the login role that owns it (migrations run as it); the
 *     service itself runs as {@link #runtimeRole()}
 * @param port its HTTP port (fixed by the service; passed as SERVER_PORT so a test can move it)
 * @param jar its runnable jar, relative to the repository root
 * @param mintsDevTokens whether it serves {@code /dev/tokens} and so needs the private key
 * @param environment extra environment variables for the service's process, applied over the local
 *     run's wiring (tests use it to shorten timings or raise limits; empty for the local run)
 */
public record ServiceSpec(
        String name, String schema, int port, Path jar, boolean mintsDevTokens, Map<String, String> environment) {

    public ServiceSpec {
        environment = Map.copyOf(environment);
    }

    public static final ServiceSpec INTAKE = of("intake-service", "intake", 8081, true);
    public static final ServiceSpec SCHEDULING = of("scheduling-service", "scheduling", 8082, false);
    public static final ServiceSpec TREATMENT_PLAN = of("treatment-plan-service", "treatment_plan", 8083, false);
    public static final ServiceSpec NOTIFICATION = of("notification-service", "notification", 8084, false);

    /** The four services in the order they are listed to the user. */
    public static final List<ServiceSpec> ALL = List.of(INTAKE, SCHEDULING, TREATMENT_PLAN, NOTIFICATION);

    private static ServiceSpec of(String name, String schema, int port, boolean mintsDevTokens) {
        return new ServiceSpec(
                name,
                schema,
                port,
                Path.of(name, "target", name + "-0.1.0-SNAPSHOT-exec.jar"),
                mintsDevTokens,
                Map.of());
    }

    /** The same service on another HTTP port (tests that must not collide with a developer's run). */
    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, schema, newPort, jar, mintsDevTokens, environment);
    }

    /**
     * The same service with {@code extra} environment variables added to (and overriding) those
     * already given, e.g. {@code Map.of("IOPCARE_INTAKE_RATELIMIT_REQUESTS", "100000")}.
     */
    public ServiceSpec withEnvironment(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(extra);
        return new ServiceSpec(name, schema, port, jar, mintsDevTokens, merged);
    }

    /**
     * The login role the service runs as: it reads and writes the schema's tables but may only read
     * and append to the audit trail, and changes no table's shape.
     */
    public String runtimeRole() {
        return runtimeRole(schema);
    }

    static String runtimeRole(String schema) {
        return schema + "_app";
    }

    /** The name without the {@code -service} suffix, as shown in the summary. */
    public String shortName() {
        return name.endsWith("-service") ? name.substring(0, name.length() - "-service".length()) : name;
    }
}
