package org.iopcare.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the platform. The defaults are the developer's run; tests move the data folder and the
 * ports so that they never touch it.
 */
public final class LocalOptions {

    public static final int KAFKA_PORT = 19092;
    public static final int KAFKA_CONTROLLER_PORT = 19093;
    public static final int POSTGRES_PORT = 15432;
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    static final String DATA_DIR_ENV = "IOPCARE_DATA_DIR";
    static final String LISTEN_ALL_ENV = "IOPCARE_LISTEN_ALL";

    /** Where everything listens by default: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    static final String ALL_INTERFACES = "0.0.0.0";

    private final Path repoRoot;
    private final Path dataDir;
    private final Path kafkaLibs;
    private final Path java;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final int postgresPort;
    private final List<ServiceSpec> services;
    private final int instances;
    private final Map<String, Integer> instancesByService;
    private final Duration readyTimeout;
    private final boolean fresh;
    private final boolean classDataSharing;
    private final boolean listenAll;
    private final PrintStream console;

    private LocalOptions(Builder builder) {
        this.repoRoot = builder.repoRoot.toAbsolutePath().normalize();
        this.dataDir = (builder.dataDir != null ? builder.dataDir : defaultDataDir(repoRoot))
                .toAbsolutePath()
                .normalize();
        this.kafkaLibs =
                builder.kafkaLibs != null ? builder.kafkaLibs : repoRoot.resolve("deploy/local/target/kafka-libs");
        this.java = builder.java != null ? builder.java : currentJava();
        this.kafkaPort = builder.kafkaPort;
        this.kafkaControllerPort = builder.kafkaControllerPort;
        this.postgresPort = builder.postgresPort;
        this.services = List.copyOf(builder.services);
        this.instances = builder.instances;
        this.instancesByService = Map.copyOf(builder.instancesByService);
        for (String service : instancesByService.keySet()) {
            if (services.stream()
                    .noneMatch(s -> s.kind() == ServiceSpec.Kind.SERVICE
                            && s.shortName().equals(service))) {
                throw new IllegalArgumentException(
                        "--instances names " + service + ", which is not a service of this run ("
                                + String.join(
                                        ", ",
                                        services.stream()
                                                .filter(ServiceSpec::hasDatabase)
                                                .map(ServiceSpec::shortName)
                                                .toList())
                                + ")");
            }
        }
        this.readyTimeout = builder.readyTimeout;
        this.fresh = builder.fresh;
        this.classDataSharing = builder.classDataSharing;
        this.listenAll = builder.listenAll;
        this.console = builder.console;
    }

    /** Options for the repository that holds {@code repoRoot}, everything else at its default. */
    public static Builder builder(Path repoRoot) {
        return new Builder(repoRoot);
    }

    /** Options for the repository found from the working directory (or {@code -Diopcare.home}). */
    public static Builder builder() {
        return new Builder(RepoRoot.locate(Path.of("")));
    }

    /** {@code $IOPCARE_DATA_DIR}, else {@code <repo>/.local-data} (ignored by git). */
    static Path defaultDataDir(Path repoRoot) {
        String fromEnv = System.getenv(DATA_DIR_ENV);
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : repoRoot.resolve(".local-data");
    }

    /** {@code $IOPCARE_LISTEN_ALL} is {@code true}: the default of {@code --listen-all}. */
    static boolean listenAllFromEnvironment() {
        return "true".equalsIgnoreCase(System.getenv(LISTEN_ALL_ENV));
    }

    /** The JVM running the launcher: the services run on the same Java. */
    static Path currentJava() {
        return ProcessHandle.current()
                .info()
                .command()
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    public Path repoRoot() {
        return repoRoot;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path kafkaLibs() {
        return kafkaLibs;
    }

    public Path java() {
        return java;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    public int postgresPort() {
        return postgresPort;
    }

    /** The services to run, one spec each: the first instance of each ({@link #serviceInstances()} has them all). */
    public List<ServiceSpec> services() {
        return services;
    }

    /** How many instances of {@code service} the run starts (the staff console: one). */
    public int instances(ServiceSpec service) {
        if (service.kind() != ServiceSpec.Kind.SERVICE) {
            return 1;
        }
        return instancesByService.getOrDefault(service.shortName(), instances);
    }

    /**
     * Every process the run starts, each service's instances together: {@code intake-service},
     * {@code intake-service-2}, {@code scheduling-service}, ... (ports by {@link ServiceSpec#instance(int)}).
     */
    public List<ServiceSpec> serviceInstances() {
        List<ServiceSpec> all = new ArrayList<>();
        for (ServiceSpec service : services) {
            for (int n = 1; n <= instances(service); n++) {
                all.add(service.instance(n));
            }
        }
        return all;
    }

    public Duration readyTimeout() {
        return readyTimeout;
    }

    public boolean fresh() {
        return fresh;
    }

    public boolean classDataSharing() {
        return classDataSharing;
    }

    /** Whether the services' HTTP ports are open to other machines ({@code --listen-all}). */
    public boolean listenAll() {
        return listenAll;
    }

    /**
     * The address the four services and the staff console bind: the loopback interface, or every interface with {@code
     * --listen-all}. Kafka, PostgreSQL and the sandbox's SMTP server stay on the loopback interface
     * either way: nothing outside this machine needs them.
     */
    public String serviceAddress() {
        return listenAll ? ALL_INTERFACES : LOOPBACK;
    }

    public PrintStream console() {
        return console;
    }

    public Builder toBuilder() {
        Builder builder = new Builder(repoRoot);
        builder.dataDir = dataDir;
        builder.kafkaLibs = kafkaLibs;
        builder.java = java;
        builder.kafkaPort = kafkaPort;
        builder.kafkaControllerPort = kafkaControllerPort;
        builder.postgresPort = postgresPort;
        builder.services = services;
        builder.instances = instances;
        builder.instancesByService = new LinkedHashMap<>(instancesByService);
        builder.readyTimeout = readyTimeout;
        builder.fresh = fresh;
        builder.classDataSharing = classDataSharing;
        builder.listenAll = listenAll;
        builder.console = console;
        return builder;
    }

    /** Builds {@link LocalOptions}. */
    public static final class Builder {

        private final Path repoRoot;
        private Path dataDir;
        private Path kafkaLibs;
        private Path java;
        private int kafkaPort = KAFKA_PORT;
        private int kafkaControllerPort = KAFKA_CONTROLLER_PORT;
        private int postgresPort = POSTGRES_PORT;
        private List<ServiceSpec> services = ServiceSpec.ALL;
        private int instances = 1;
        private Map<String, Integer> instancesByService = new LinkedHashMap<>();
        private Duration readyTimeout = READY_TIMEOUT;
        private boolean fresh;
        private boolean classDataSharing = true;
        private boolean listenAll = listenAllFromEnvironment();
        private PrintStream console = System.out;

        private Builder(Path repoRoot) {
            this.repoRoot = Objects.requireNonNull(repoRoot, "repoRoot");
        }

        public Builder dataDir(Path value) {
            this.dataDir = value;
            return this;
        }

        public Builder kafkaLibs(Path value) {
            this.kafkaLibs = value;
            return this;
        }

        public Builder java(Path value) {
            this.java = value;
            return this;
        }

        public Builder kafkaPort(int value) {
            this.kafkaPort = value;
            return this;
        }

        public Builder kafkaControllerPort(int value) {
            this.kafkaControllerPort = value;
            return this;
        }

        public Builder postgresPort(int value) {
            this.postgresPort = value;
            return this;
        }

        /** The services to run; none starts only Kafka and PostgreSQL. */
        public Builder services(List<ServiceSpec> value) {
            this.services = List.copyOf(value);
            return this;
        }

        /**
         * How many instances of every service to start, 1 to {@link ServiceSpec#MAX_INSTANCES}
         * ({@code --instances=2}); a count given per service ({@link #instances(Map)}) wins.
         */
        public Builder instances(int count) {
            this.instances = requireCount(count, "every service");
            return this;
        }

        /**
         * How many instances of some services to start, by short name ({@code intake}, {@code
         * notification}; {@code --instances=intake=2,notification=2}), added to those given before.
         */
        public Builder instances(Map<String, Integer> countByService) {
            countByService.forEach((service, count) -> {
                if (ServiceSpec.SERVICES.stream().noneMatch(s -> s.shortName().equals(service))) {
                    throw new IllegalArgumentException("--instances: no service is called " + service + " (one of "
                            + String.join(
                                    ", ",
                                    ServiceSpec.SERVICES.stream()
                                            .map(ServiceSpec::shortName)
                                            .toList())
                            + ")");
                }
                instancesByService.put(service, requireCount(count, service));
            });
            return this;
        }

        private static int requireCount(int count, String what) {
            if (count < 1 || count > ServiceSpec.MAX_INSTANCES) {
                throw new IllegalArgumentException("--instances: " + count + " instances of " + what + " (1 to "
                        + ServiceSpec.MAX_INSTANCES + ")");
            }
            return count;
        }

        public Builder readyTimeout(Duration value) {
            this.readyTimeout = Objects.requireNonNull(value);
            return this;
        }

        /** Delete the data folder before starting. */
        public Builder fresh(boolean value) {
            this.fresh = value;
            return this;
        }

        /** Class-data sharing archives for faster service starts (on by default). */
        public Builder classDataSharing(boolean value) {
            this.classDataSharing = value;
            return this;
        }

        /**
         * Open the services' HTTP ports to the network (default: this machine only). Anyone who
         * reaches them can mint staff tokens at {@code /dev/tokens} and use the sandbox.
         */
        public Builder listenAll(boolean value) {
            this.listenAll = value;
            return this;
        }

        public Builder console(PrintStream value) {
            this.console = Objects.requireNonNull(value);
            return this;
        }

        public LocalOptions build() {
            return new LocalOptions(this);
        }
    }
}
