package org.iopcare.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starts one service (or the staff console) from its jar with the local run's wiring in its environment. */
final class ServiceLauncher {

    /**
     * Tuned for five Spring Boot JVMs (the four services and the console) starting at once on two cores: C1 only (C2 compiles are a large
     * part of a cold start's CPU), the serial collector (no GC threads competing for the cores) and a
     * heap that a local run does not outgrow. Class-data archives (the JDK's own and the services',
     * {@link ClassDataArchives}) are mapped at the address they were written for: by default the JDK
     * 17 builds here and JDK 25 map them at a random address and rewrite every pointer in them,
     * which costs CPU at each start. That randomisation hardens a production process; the local
     * run's JVMs can do without it (the chart's JVMs keep the default). The heap is bounded at about
     * three times what a service keeps live after the benchmark's load (60-75 MB); the collector's
     * own heap free ratios stay, as tighter ones made every start slower. README, "Start time" and
     * "Memory", has the figures.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xms64m",
            "-Xmx256m",
            "-Xss512k",
            "-XX:+UnlockDiagnosticVMOptions",
            "-XX:ArchiveRelocationMode=0",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true");

    /**
     * notification's {@code iopcare.local-tools.sandbox}: the SMS sandbox and SMTP server of the
     * local run, on in its {@code application-local.yaml}, off in its second and later instances.
     */
    static final String SANDBOX_SWITCH = "IOPCARE_LOCALTOOLS_SANDBOX";

    /** Tomcat's request threads of intake, scheduling and treatment-plan in a local run. */
    static final int LOCAL_REQUEST_THREADS = 32;

    private final LocalOptions options;
    private final DataFolder folder;
    private final JwtKeys keys;
    private final ServicePasswords passwords;
    private final String smsToken;
    private final String jdbcUrl;
    private final String kafkaBootstrap;
    private final ClassDataArchives archives;
    private final LocalTools tools;

    ServiceLauncher(
            LocalOptions options,
            DataFolder folder,
            JwtKeys keys,
            ServicePasswords passwords,
            String smsToken,
            String jdbcUrl,
            String kafkaBootstrap,
            ClassDataArchives archives) {
        this.options = options;
        this.folder = folder;
        this.keys = keys;
        this.passwords = passwords;
        this.smsToken = smsToken;
        this.jdbcUrl = jdbcUrl;
        this.kafkaBootstrap = kafkaBootstrap;
        this.archives = archives;
        this.tools = new LocalTools(options.repoRoot());
    }

    /** The service's executable jar under the repository root. */
    Path executableJar(ServiceSpec service) {
        return options.repoRoot().resolve(service.jar());
    }

    ServiceProcess start(ServiceSpec service, Path jar) throws IOException {
        Path log = folder.log(service.processName());
        // A new run starts a new log; the previous one is kept beside it for comparison.
        if (Files.exists(log)) {
            Files.move(
                    log,
                    log.resolveSibling(service.processName() + ".previous.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>();
        command.add(options.java().toString());
        command.addAll(JVM_OPTIONS);
        command.add(crashReport(log));
        if (!jar.equals(executableJar(service))) {
            command.addAll(archives.jvmOptions(service));
        }
        command.addAll(launch(service, jar));
        long started = System.nanoTime();
        Process process = DetachedProcess.start(command, environment(service), options.repoRoot(), log);
        return new ServiceProcess(service, process, log, started);
    }

    /**
     * A class-data training run of the service ({@link ArchiveTraining}): same JVM and environment,
     * any free port, at the lowest CPU priority so that the running platform keeps the cores.
     */
    Process startTraining(ServiceSpec service, Path jar, List<String> trainingOptions, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        Path nice = Path.of("/usr/bin/nice");
        if (Files.isExecutable(nice)) {
            command.add(nice.toString());
            command.add("-n");
            command.add("19");
        }
        command.add(options.java().toString());
        command.addAll(JVM_OPTIONS);
        command.add(crashReport(log));
        command.addAll(trainingOptions);
        command.addAll(launch(service, jar));
        Map<String, String> env = environment(service);
        env.put("SERVER_PORT", "0");
        return DetachedProcess.start(command, env, options.repoRoot(), log);
    }

    /**
     * Where a JVM that crashes writes its report ({@code hs_err}), beside its log in the data folder:
     * not in the working directory (the repository), since the report holds part of the process's
     * memory, and that memory holds client data.
     */
    static String crashReport(Path log) {
        String name = log.getFileName().toString().replaceFirst("\\.log$", "");
        return "-XX:ErrorFile=" + log.toAbsolutePath().resolveSibling(name + ".hs_err_%p.log");
    }

    /**
     * What follows the JVM options: {@code -jar} for the console; for a service, its jar with the
     * local run's tools ({@link LocalTools}), the same for a run and its class-data training run.
     */
    List<String> launch(ServiceSpec service, Path jar) throws IOException {
        if (!LocalTools.runWith(service)) {
            return List.of("-jar", jar.toAbsolutePath().toString());
        }
        return tools.javaArguments(jar, jar.equals(executableJar(service)));
    }

    Map<String, String> environment(ServiceSpec service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("SERVER_PORT", Integer.toString(service.port()));
        env.put("SERVER_ADDRESS", options.serviceAddress());
        if (service.kind() == ServiceSpec.Kind.SERVICE && !service.name().equals(ServiceSpec.NOTIFICATION.name())) {
            // Tomcat's 200 request threads, each a stack, are what a service grows under load; 32
            // serve a local run on two cores. notification keeps 200: its sandbox answers the
            // dispatcher's 128 concurrent sends on them (application-local.yaml).
            env.put("SERVER_TOMCAT_THREADS_MAX", Integer.toString(LOCAL_REQUEST_THREADS));
        }
        switch (service.kind()) {
            case SERVICE -> env.putAll(serviceWiring(service));
            case CONSOLE -> env.putAll(consoleWiring());
        }
        env.putAll(service.environment());
        return env;
    }

    /** A service's database roles, Kafka and the token keys. */
    private Map<String, String> serviceWiring(ServiceSpec service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        // migrations as the schema's owner, everything else as the runtime role
        env.put("SPRING_FLYWAY_USER", service.schema());
        env.put("SPRING_FLYWAY_PASSWORD", passwords.of(service.schema()));
        env.put("SPRING_DATASOURCE_USERNAME", service.runtimeRole());
        env.put("SPRING_DATASOURCE_PASSWORD", passwords.of(service.runtimeRole()));
        env.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", kafkaBootstrap);
        env.put(
                "IOPCARE_SECURITY_JWT_PUBLIC_KEY_LOCATION",
                "file:" + keys.publicKey().toAbsolutePath());
        if (service.mintsDevTokens()) {
            env.put(
                    "IOPCARE_DEVTOKENS_PRIVATE_KEY_LOCATION",
                    "file:" + keys.privateKey().toAbsolutePath());
        }
        if (service.name().equals(ServiceSpec.NOTIFICATION.name())) {
            env.put(SandboxSmsToken.ENVIRONMENT, smsToken);
            if (service.instance() > 1) {
                // One sandbox provider and SMTP server, the first instance's: its other instances send
                // there (the SMS base URL and spring.mail.port are the first's) and bind no SMTP port.
                env.put(SANDBOX_SWITCH, "false");
            }
        }
        return env;
    }

    /**
     * The console's only wiring: where the four services of this run are (their ports may be moved,
     * so they come from the specs in use; one left out of the run is looked for on its usual port).
     * It calls them on the loopback interface, which they listen on with and without --listen-all.
     */
    private Map<String, String> consoleWiring() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("IOPCARE_CONSOLE_INTAKE", urlOf(ServiceSpec.INTAKE));
        env.put("IOPCARE_CONSOLE_SCHEDULING", urlOf(ServiceSpec.SCHEDULING));
        env.put("IOPCARE_CONSOLE_TREATMENT_PLAN", urlOf(ServiceSpec.TREATMENT_PLAN));
        env.put("IOPCARE_CONSOLE_NOTIFICATION", urlOf(ServiceSpec.NOTIFICATION));
        return env;
    }

    private String urlOf(ServiceSpec service) {
        int port = options.services().stream()
                .filter(s -> s.name().equals(service.name()))
                .findFirst()
                .orElse(service)
                .port();
        return "http://" + LocalOptions.LOOPBACK + ":" + port;
    }
}
