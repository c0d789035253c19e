package org.iopcare.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iopcare.local.LocalOptions;
import org.iopcare.local.LocalPlatform;
import org.iopcare.local.RunningPlatform;
import org.iopcare.local.ServiceSpec;

/**
 * The platform a benchmark measures: a local run that is already running ({@code ./run-local.sh},
 * found by the live processes its data folder's {@code run.pids} names), or one started here through
 * deploy/local's Java API and stopped again at the end.
 */
final class Platform implements AutoCloseable {

    private final LocalOptions options;
    private final List<ServiceSpec> services;
    private final RunningPlatform started;

    private Platform(LocalOptions options, List<ServiceSpec> services, RunningPlatform started) {
        this.options = options;
        this.services = services;
        this.started = started;
    }

    /** The running local run in {@code options}' data folder, or else a new one with {@code services}. */
    static Platform attachOrStart(LocalOptions options, List<ServiceSpec> services) {
        if (!livePids(options.dataDir()).isEmpty()) {
            options.console().println("Using the local run that is running (" + options.dataDir() + ")");
            Platform running = new Platform(options, services, null);
            running.awaitReady();
            return running;
        }
        options.console()
                .println("No local run in " + options.dataDir() + ": starting one with "
                        + services.stream().map(ServiceSpec::shortName).toList());
        LocalOptions withServices = options.toBuilder().services(services).build();
        return new Platform(withServices, services, LocalPlatform.start(withServices));
    }

    /** A run found while it is still starting: measure only once every service needed answers ready. */
    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + options.readyTimeout().toNanos();
        for (ServiceSpec service : services) {
            URI readiness = URI.create(url(service) + "/actuator/health/readiness");
            while (!ready(http, readiness)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service.name() + " of the running local run is not ready at "
                            + readiness + ": is it the run on these ports (--intake-port= ...)?");
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for " + service.name(), e);
                }
            }
        }
    }

    private static boolean ready(HttpClient http, URI readiness) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(readiness)
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether this benchmark started the platform (and so knows each part's time to ready). */
    boolean startedHere() {
        return started != null;
    }

    /** The address of a service's first instance, or of the instance given ({@link #instances}). */
    String url(ServiceSpec service) {
        return "http://127.0.0.1:" + port(service);
    }

    private int port(ServiceSpec service) {
        if (service.instance() > 1) {
            return service.port();
        }
        return services.stream()
                .filter(s -> s.name().equals(service.name()))
                .findFirst()
                .orElse(service)
                .port();
    }

    /**
     * The instances of {@code service} the platform runs, first instance first: as started here
     * ({@code --instances}); one, on the port given, for a run found running.
     */
    List<ServiceSpec> instances(ServiceSpec service) {
        if (started == null) {
            return List.of(services.stream()
                    .filter(s -> s.name().equals(service.name()))
                    .findFirst()
                    .orElse(service));
        }
        return started.instances(service);
    }

    /** Stops one instance of a service this benchmark started (SIGTERM, then its graceful shutdown). */
    void stop(ServiceSpec instance) {
        if (started == null) {
            throw new IllegalStateException("the benchmark stops only instances it started");
        }
        started.stop(instance);
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + options.kafkaPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + options.postgresPort() + "/iopcare";
    }

    /** As the local run's superuser, which it trusts on the loopback interface only. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    Path logs() {
        return options.dataDir().resolve("logs");
    }

    /** Seconds from the launcher's start until each component was ready; empty for a run found running. */
    Map<String, Double> readySeconds() {
        return started == null ? Map.of() : started.readySeconds();
    }

    /** Component name to pid, as the data folder's {@code run.pids} records them. */
    Map<String, Long> pids() {
        return livePids(options.dataDir());
    }

    static Map<String, Long> livePids(Path dataDir) {
        Path file = dataDir.resolve("run.pids");
        Map<String, Long> pids = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return pids;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.strip().split("\\s+");
                if (line.startsWith("#") || parts.length < 2 || parts[0].equals("launcher")) {
                    continue;
                }
                long pid = Long.parseLong(parts[1]);
                Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
                if (process.isPresent()) {
                    pids.put(parts[0], pid);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }

    @Override
    public void close() {
        if (started != null) {
            started.stop();
        }
    }
}
