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
 * @param instance which instance of the service this process is, from 1 ({@link #instance(int)}):
 *     every instance has the same schema, roles, Kafka consumer group and jar, and its own process
 *     name and HTTP port
 */
public record ServiceSpec(
        String name,
        Kind kind,
        String schema,
        int port,
        Path jar,
        boolean mintsDevTokens,
        Map<String, String> environment,
        int instance) {

    /**
     * How far an instance's HTTP port is from the first instance's: instance {@code n} listens on
     * the first's port + {@value} × (n - 1), e.g. intake 8081, 8181, 8281, 8381.
     */
    public static final int INSTANCE_PORT_STEP = 100;

    /** The most instances of one service a local run starts. */
    public static final int MAX_INSTANCES = 4;

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
        if (instance < 1 || instance > MAX_INSTANCES) {
            throw new IllegalArgumentException(name + ": instance " + instance + " is not 1 to " + MAX_INSTANCES);
        }
        if (instance > 1 && kind == Kind.CONSOLE) {
            throw new IllegalArgumentException(name + ": the local run starts one staff console");
        }
    }

    public static final ServiceSpec INTAKE = service("intake-service", "intake", 8081, true);
    public static final ServiceSpec SCHEDULING = service("scheduling-service", "scheduling", 8082, false);
    public static final ServiceSpec TREATMENT_PLAN = service("treatment-plan-service", "treatment_plan", 8083, false);
    public static final ServiceSpec NOTIFICATION = service("notification-service", "notification", 8084, false);

    /** The staff console, the local run's front door. */
    public static final ServiceSpec STAFF_CONSOLE = new ServiceSpec(
            "staff-console", Kind.CONSOLE, null, 8080, executableJar("staff-console"), false, Map.of(), 1);

    /** The four services, each with its own schema, in the order they are listed to the user. */
    public static final List<ServiceSpec> SERVICES = List.of(INTAKE, SCHEDULING, TREATMENT_PLAN, NOTIFICATION);

    /** What the local run starts: the staff console and the four services, as listed to the user. */
    public static final List<ServiceSpec> ALL =
            List.of(STAFF_CONSOLE, INTAKE, SCHEDULING, TREATMENT_PLAN, NOTIFICATION);

    private static ServiceSpec service(String name, String schema, int port, boolean mintsDevTokens) {
        return new ServiceSpec(name, Kind.SERVICE, schema, port, executableJar(name), mintsDevTokens, Map.of(), 1);
    }

    private static Path executableJar(String module) {
        return Path.of(module, "target", module + "-0.1.0-SNAPSHOT-exec.jar");
    }

    /** The same service on another HTTP port (tests that must not collide with a developer's run). */
    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, kind, schema, newPort, jar, mintsDevTokens, environment, instance);
    }

    /**
     * The same service with {@code extra} environment variables added to (and overriding) those
     * already given, e.g. {@code Map.of("IOPCARE_INTAKE_RATELIMIT_REQUESTS", "100000")}.
     */
    public ServiceSpec withEnvironment(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(extra);
        return new ServiceSpec(name, kind, schema, port, jar, mintsDevTokens, merged, instance);
    }

    /**
     * Instance {@code n} of this (first) instance: the same service, jar and environment on port
     * {@link #port()} + {@link #INSTANCE_PORT_STEP} × (n - 1); {@code instance(1)} is this spec.
     */
    public ServiceSpec instance(int n) {
        if (instance != 1) {
            throw new IllegalStateException(processName() + " is not the first instance of " + name);
        }
        if (n == 1) {
            return this;
        }
        return new ServiceSpec(
                name, kind, schema, port + INSTANCE_PORT_STEP * (n - 1), jar, mintsDevTokens, environment, n);
    }

    /**
     * The process's own name, for its log, the pid file, readiness and the summary: the module name
     * for the first instance, {@code intake-service-2} for the second.
     */
    public String processName() {
        return instance == 1 ? name : name + "-" + instance;
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

    /**
     * The name without the {@code -service} suffix, as {@code --instances=intake=2} names a service;
     * the same for every instance.
     */
    public String shortName() {
        return name.endsWith("-service") ? name.substring(0, name.length() - "-service".length()) : name;
    }
}
