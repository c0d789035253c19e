package org.iopcare.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One of the platform's processes as the launcher sees it: one of the four services, or the staff
 * console in front of them.
 *
 * @param name the module and log name, e.g. {@code intake-service}
 * @param kind a service (its own schema, Kafka, the token key) or the staff console (none of these)
 * @param schema the database schema and the login role that owns it (migrations run as it); the
 *     service itself runs as {@link #runtimeRole()}. Only a {@link Kind#SERVICE} has one: read it
 *     through {@link #schema()}, which refuses the console
 * @param port its HTTP port (fixed by the service; passed as SERVER_PORT so a test can move it)
 * @param jar its runnable jar, relative to the repository root
 * @param mintsDevTokens whether it serves {@code /dev/tokens} and so needs the private key
 * @param environment extra environment variables for the service's process, applied over the local
 *     run's wiring (tests use it to shorten timings or raise limits; empty for the local run)
 */
public record ServiceSpec(
        String name,
        Kind kind,
        String schema,
        int port,
        Path jar,
        boolean mintsDevTokens,
        Map<String, String> environment) {

    /** What a process needs from the local run besides its port. */
    public enum Kind {
        /** Owns a database schema, talks to Kafka, checks staff tokens with the public key. */
        SERVICE,
        /**
         * The staff console: pages rendered on the server from the four services' APIs. No database,
         * no Kafka, no key: it is told where the services are and gets its tokens from intake.
         */
        CONSOLE
    }

    public ServiceSpec {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.SERVICE) == (schema == null)) {
            throw new IllegalArgumentException(name + ": a service has a schema, the console has none");
        }
        environment = Map.copyOf(environment);
    }

    public static final ServiceSpec INTAKE = service("intake-service", "intake", 8081, true);
    public static final ServiceSpec SCHEDULING = service("scheduling-service", "scheduling", 8082, false);
    public static final ServiceSpec TREATMENT_PLAN = service("treatment-plan-service", "treatment_plan", 8083, false);
    public static final ServiceSpec NOTIFICATION = service("notification-service", "notification", 8084, false);

    /** The staff console, the local run's front door. */
    public static final ServiceSpec STAFF_CONSOLE =
            new ServiceSpec("staff-console", Kind.CONSOLE, null, 8080, executableJar("staff-console"), false, Map.of());

    /** The four services, each with its own schema, in the order they are listed to the user. */
    public static final List<ServiceSpec> SERVICES = List.of(INTAKE, SCHEDULING, TREATMENT_PLAN, NOTIFICATION);

    /** What the local run starts: the staff console and the four services, as listed to the user. */
    public static final List<ServiceSpec> ALL =
            List.of(STAFF_CONSOLE, INTAKE, SCHEDULING, TREATMENT_PLAN, NOTIFICATION);

    private static ServiceSpec service(String name, String schema, int port, boolean mintsDevTokens) {
        return new ServiceSpec(name, Kind.SERVICE, schema, port, executableJar(name), mintsDevTokens, Map.of());
    }

    private static Path executableJar(String module) {
        return Path.of(module, "target", module + "-0.1.0-SNAPSHOT-exec.jar");
    }

    /** The same service on another HTTP port (tests that must not collide with a developer's run). */
    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, kind, schema, newPort, jar, mintsDevTokens, environment);
    }

    /**
     * The same service with {@code extra} environment variables added to (and overriding) those
     * already given, e.g. {@code Map.of("IOPCARE_INTAKE_RATELIMIT_REQUESTS", "100000")}.
     */
    public ServiceSpec withEnvironment(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(extra);
        return new ServiceSpec(name, kind, schema, port, jar, mintsDevTokens, merged);
    }

    /** Whether it owns a schema (and so a login role, migrations, a datasource); the console does not. */
    public boolean hasDatabase() {
        return kind == Kind.SERVICE;
    }

    /** The schema of a service; the console has none, and asking for it is a launcher bug. */
    @Override
    public String schema() {
        if (!hasDatabase()) {
            throw new IllegalStateException(name + " has no database schema");
        }
        return schema;
    }

    /**
     * The login role the service runs as: it reads and writes the schema's tables but may only read
     * and append to the audit trail, and changes no table's shape.
     */
    public String runtimeRole() {
        return runtimeRole(schema());
    }

    static String runtimeRole(String schema) {
        return schema + "_app";
    }

    /** The name without the {@code -service} suffix, as shown in the summary. */
    public String shortName() {
        return name.endsWith("-service") ? name.substring(0, name.length() - "-service".length()) : name;
    }
}
