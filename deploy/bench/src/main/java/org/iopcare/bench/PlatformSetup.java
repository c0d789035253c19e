package org.iopcare.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iopcare.local.LocalOptions;
import org.iopcare.local.ServiceSpec;

/**
 * Where the platform is ({@code --data-dir}, the ports) and, if the benchmark has to start it, which
 * services it needs and the local-run settings a load generator needs changed: the public form's
 * rate limit per address (10 per 10 minutes in the local run, and every request here comes from
 * 127.0.0.1) raised, and the SMS sandbox keeping 10,000 messages instead of 200.
 */
final class PlatformSetup {

    static final String RATE_LIMIT = "IOPCARE_INTAKE_RATELIMIT_REQUESTS";
    static final String SANDBOX_KEEP = "IOPCARE_NOTIFICATION_SANDBOX_KEEP";

    /**
     * Read by the JVM after its command line, so its options win over the launcher's: how {@code
     * --service-jvm=chart} and {@code --intake-java-options} reach a service without changing the
     * local run's own settings.
     */
    static final String JVM_OVERRIDES = "_JAVA_OPTIONS";

    /**
     * The chart's JVM as far as it differs from the local run's: the default tiered JIT (C1 and C2)
     * and G1 instead of C1 only and the serial collector, and the heap the chart's
     * {@code -XX:MaxRAMPercentage=70} gives a 768 MiB container.
     */
    static final String CHART_JVM = "-XX:TieredStopAtLevel=4 -XX:-UseSerialGC -XX:+UseG1GC -Xmx537m";

    private PlatformSetup() {}

    /**
     * The local run's options; with {@code --instances=N}, N instances of intake and notification (or
     * of those {@code --instances-of=} names)
     * (the second on the first's port + 100, {@link ServiceSpec#instance(int)}).
     */
    static LocalOptions options(Options options, BenchSettings settings) {
        LocalOptions.Builder builder = LocalOptions.builder()
                .kafkaPort(options.integer("kafka-port", LocalOptions.KAFKA_PORT))
                .kafkaControllerPort(options.integer("kafka-controller-port", LocalOptions.KAFKA_CONTROLLER_PORT))
                .postgresPort(options.integer("postgres-port", LocalOptions.POSTGRES_PORT))
                .classDataSharing(!options.flag("no-cds"));
        if (options.has("ready-timeout")) {
            builder.readyTimeout(java.time.Duration.ofSeconds(options.integer("ready-timeout", 0)));
        }
        if (options.has("data-dir")) {
            builder.dataDir(Path.of(options.get("data-dir", "")));
        }
        builder.instances(settings.instanceCounts());
        return builder.build();
    }

    /**
     * The services the chosen parts need, on the local run's ports (8081 … 8084) or {@code
     * --intake-port}, {@code --scheduling-port}, {@code --treatment-plan-port}, {@code
     * --notification-port}.
     */
    static List<ServiceSpec> services(BenchSettings settings, Options options) {
        int intake = options.integer("intake-port", ServiceSpec.INTAKE.port());
        int scheduling = options.integer("scheduling-port", ServiceSpec.SCHEDULING.port());
        int treatmentPlan = options.integer("treatment-plan-port", ServiceSpec.TREATMENT_PLAN.port());
        int notificationPort = options.integer("notification-port", ServiceSpec.NOTIFICATION.port());
        int smtp = options.integer("smtp-port", 3025);
        String notification = "http://127.0.0.1:" + notificationPort;
        List<ServiceSpec> services = new ArrayList<>();
        // the footprint alone is of the whole platform; with other parts, of what they needed
        boolean everything = settings.measures("enrollment") || settings.parts().equals(java.util.Set.of("footprint"));
        String jvm = jvmOverrides(options);
        boolean pipeline = settings.measures("inquiry") || settings.measures(BenchSettings.INSTANCES);
        if (everything || settings.measures("relay") || pipeline) {
            String intakeJvm = (jvm + " " + options.get("intake-java-options", "")).strip();
            services.add(ServiceSpec.INTAKE
                    .withPort(intake)
                    .withEnvironment(Map.of(RATE_LIMIT, "100000000"))
                    .withEnvironment(jvmEnvironment(intakeJvm)));
        }
        if (everything) {
            services.add(ServiceSpec.SCHEDULING.withPort(scheduling).withEnvironment(jvmEnvironment(jvm)));
            services.add(ServiceSpec.TREATMENT_PLAN.withPort(treatmentPlan).withEnvironment(jvmEnvironment(jvm)));
        }
        if (everything || pipeline) {
            services.add(ServiceSpec.NOTIFICATION
                    .withPort(notificationPort)
                    .withEnvironment(jvmEnvironment(jvm))
                    .withEnvironment(Map.of(
                            SANDBOX_KEEP,
                            "10000",
                            "IOPCARE_NOTIFICATION_SMS_BASE_URL",
                            notification + "/sandbox/sms/provider",
                            "IOPCARE_NOTIFICATION_SMS_STATUS_CALLBACK_URL",
                            notification + "/api/sms/status",
                            "IOPCARE_NOTIFICATION_SANDBOX_SMTP_PORT",
                            Integer.toString(smtp),
                            "SPRING_MAIL_PORT",
                            Integer.toString(smtp)))
                    .withEnvironment(welcomeDelay(options)));
        }
        return services;
    }

    /**
     * {@code --service-jvm=}: {@code local} (the local run's C1-only, serial-collector JVM) or
     * {@code chart} ({@link #CHART_JVM}); the options the services' JVMs get over the launcher's.
     */
    static String jvmOverrides(Options options) {
        String jvm = options.get("service-jvm", "local");
        return switch (jvm) {
            case "local" -> "";
            case "chart" -> CHART_JVM;
            default -> throw new IllegalArgumentException("--service-jvm takes local or chart, not " + jvm);
        };
    }

    /**
     * {@code --welcome-delay=} (an ISO-8601 duration, e.g. {@code PT1S}): notification's wait for
     * an enrollment's first sessions before it sends the welcome, 30 s by default; a shorter one
     * lets the enrollment figure show the fan-out's own rate rather than the wait.
     */
    static Map<String, String> welcomeDelay(Options options) {
        if (!options.has("welcome-delay")) {
            return Map.of();
        }
        String delay = options.get("welcome-delay", "");
        try {
            java.time.Duration.parse(delay);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--welcome-delay takes an ISO-8601 duration such as PT1S, not " + delay);
        }
        return Map.of("IOPCARE_NOTIFICATION_REMINDERS_WELCOME_DELAY", delay);
    }

    private static Map<String, String> jvmEnvironment(String jvm) {
        return jvm.isEmpty() ? Map.of() : Map.of(JVM_OVERRIDES, jvm);
    }
}
