package org.iopcare.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The order of a start: Kafka, PostgreSQL and the extraction of the service jars side by side; then
 * the four services and the staff console side by side, each until its readiness probe answers 200.
 */
final class Startup {

    /** How often "waiting for ..." is shown while nothing else is printed. */
    private static final Duration WAITING_EVERY = Duration.ofSeconds(10);

    private static final Duration POLL = Duration.ofMillis(250);

    private final LocalOptions options;
    private final RunningPlatform platform;
    private final StartedProcesses processes;
    private final StartTimes times;
    private final DataFolder folder;
    private final Progress progress;

    Startup(LocalOptions options, RunningPlatform platform) {
        this.options = options;
        this.platform = platform;
        this.processes = platform.processes();
        this.times = platform.times();
        this.folder = platform.folder();
        this.progress = platform.progress();
    }

    void run() {
        Map<ServiceSpec, Path> executableJars = requireJars();
        JwtKeys keys = JwtKeys.ensure(folder.keys());
        ServicePasswords passwords = new ServicePasswords(folder.secrets());
        String smsToken = SandboxSmsToken.in(folder.secrets());
        int javaFeature = JavaVersion.feature(options.java());
        ClassDataArchives archives =
                new ClassDataArchives(options.classDataSharing(), folder.cds(), options.java(), javaFeature);
        ExtractedApps apps =
                new ExtractedApps(options.java(), folder.apps(), archives, new LocalTools(options.repoRoot()));

        KafkaBroker broker = new KafkaBroker(options, folder);
        LocalPostgres postgres = new LocalPostgres(options, folder);
        // the schemas of the services in this run; with none (--infra-only) every service's, for the IDE
        List<String> schemas = new ArrayList<>();
        List<ServiceSpec> withDatabase =
                options.services().stream().filter(ServiceSpec::hasDatabase).toList();
        (withDatabase.isEmpty() ? ServiceSpec.SERVICES : withDatabase).forEach(s -> schemas.add(s.schema()));

        ExecutorService pool = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "iopcare-local-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, CompletableFuture<?>> infrastructure = new LinkedHashMap<>();
            infrastructure.put(
                    "Kafka",
                    CompletableFuture.runAsync(
                            () -> {
                                processes.launch("Kafka", () -> {
                                    Process process = broker.start();
                                    processes.register(broker, process);
                                    return process;
                                });
                                broker.awaitReady(options.readyTimeout());
                                times.ready("Kafka");
                            },
                            pool));
            infrastructure.put(
                    "PostgreSQL",
                    CompletableFuture.runAsync(
                            () -> {
                                processes.launch("PostgreSQL", () -> {
                                    postgres.start();
                                    processes.register(postgres);
                                    return postgres;
                                });
                                new DatabaseSetup(postgres, passwords).apply(schemas);
                                times.ready("PostgreSQL");
                            },
                            pool));
            CompletableFuture<Map<ServiceSpec, Path>> runnableJars = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            archives.prepare();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        // once per service: its other instances run from the same extracted jar
                        Map<String, Path> extracted = new LinkedHashMap<>();
                        Map<ServiceSpec, Path> jars = new LinkedHashMap<>();
                        executableJars.forEach((service, jar) -> jars.put(
                                service,
                                extracted.computeIfAbsent(
                                        service.name(), name -> apps.prepare(service, jar, progress))));
                        return jars;
                    },
                    pool);
            if (!options.services().isEmpty()) {
                infrastructure.put("service jars", runnableJars);
            }
            awaitAll(infrastructure);
            if (!options.services().isEmpty()) {
                ServiceLauncher launcher = new ServiceLauncher(
                        options,
                        folder,
                        keys,
                        passwords,
                        smsToken,
                        platform.jdbcUrl(),
                        broker.bootstrapServers(),
                        archives);
                Map<ServiceSpec, Path> jars = runnableJars.join();
                processes.register(launcher, jars);
                startServices(launcher, jars, archives, javaFeature);
                times.startupFinished();
                ArchiveTraining training = new ArchiveTraining(archives, launcher, folder, progress);
                Map<ServiceSpec, Path> firstInstances = new LinkedHashMap<>(jars);
                firstInstances.keySet().removeIf(service -> service.instance() > 1);
                if (processes.register(training) && training.startFor(firstInstances)) {
                    progress.line("  note    recording class-data archives in the background (once, about a minute"
                            + " of CPU): the next start is faster");
                }
            } else {
                times.startupFinished();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<ServiceSpec, Path> requireJars() {
        Map<ServiceSpec, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ServiceSpec service : options.serviceInstances()) {
            Path jar = options.repoRoot().resolve(service.jar());
            if (Files.isRegularFile(jar)) {
                jars.put(service, jar);
            } else {
                missing.add(service.jar().toString());
            }
        }
        if (options.services().stream().anyMatch(LocalTools::runWith) && !new LocalTools(options.repoRoot()).built()) {
            missing.add(LocalTools.JAR.toString());
        }
        if (!missing.isEmpty()) {
            throw new StartupException("Not built yet: " + String.join(", ", missing)
                    + ". Build with ./run-local.sh --build (or ./mvnw -q -B -DskipTests install).");
        }
        return jars;
    }

    private void startServices(
            ServiceLauncher launcher, Map<ServiceSpec, Path> jars, ClassDataArchives archives, int javaFeature) {
        long withArchive = jars.keySet().stream().filter(archives::has).count();
        progress.line("  start   " + jars.size() + " services on Java " + javaFeature + ", " + withArchive
                + " with a class-data archive");
        Map<String, ServiceProcess> pending = new LinkedHashMap<>();
        // Every instance at once: the instances of a service take turns at its migrations (Flyway's
        // lock) and at its runtime role's grants (SupportMigrations' lock).
        for (ServiceSpec service : jars.keySet()) {
            pending.put(service.processName(), launch(launcher, service, jars.get(service)));
        }
        long lastWaiting = System.nanoTime();
        while (!pending.isEmpty()) {
            stopIfAsked();
            for (ServiceProcess service : new ArrayList<>(pending.values())) {
                Process process = service.process();
                if (!process.isAlive()) {
                    throw new StartupException(service.spec().processName() + " exited with code " + process.exitValue()
                            + " after " + Progress.seconds(service.sinceStart().toMillis() / 1000.0) + ". "
                            + tail(service.log()));
                }
                if (service.isReady()) {
                    pending.remove(service.spec().processName());
                    times.ready(service.spec().processName());
                } else if (service.sinceStart().compareTo(options.readyTimeout()) > 0) {
                    throw new StartupException(service.spec().processName() + " was not ready within "
                            + options.readyTimeout().toSeconds() + " s. " + tail(service.log()));
                }
            }
            if (!pending.isEmpty() && System.nanoTime() - lastWaiting >= WAITING_EVERY.toNanos()) {
                progress.waiting(pending.keySet());
                lastWaiting = System.nanoTime();
            }
            if (!pending.isEmpty()) {
                sleep(POLL.toMillis());
            }
        }
    }

    private ServiceProcess launch(ServiceLauncher launcher, ServiceSpec service, Path jar) {
        return processes.launch(service.processName(), () -> {
            try {
                ServiceProcess started = launcher.start(service, jar);
                processes.register(started);
                return started;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start " + service.processName(), e);
            }
        });
    }

    /** Waits for the side-by-side steps, showing what is still pending now and then. */
    private void awaitAll(Map<String, CompletableFuture<?>> steps) {
        long lastWaiting = System.nanoTime();
        Map<String, CompletableFuture<?>> pending = new LinkedHashMap<>(steps);
        while (!pending.isEmpty()) {
            stopIfAsked();
            for (Map.Entry<String, CompletableFuture<?>> step : new ArrayList<>(pending.entrySet())) {
                CompletableFuture<?> future = step.getValue();
                if (future.isDone()) {
                    pending.remove(step.getKey());
                    try {
                        future.get();
                    } catch (ExecutionException | CompletionException e) {
                        throw asStartupException(step.getKey(), e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new StartupException("Interrupted");
                    }
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() - lastWaiting >= WAITING_EVERY.toNanos()) {
                progress.waiting(pending.keySet());
                lastWaiting = System.nanoTime();
            }
            try {
                CompletableFuture.anyOf(pending.values().toArray(new CompletableFuture<?>[0]))
                        .get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // looked at in the next round
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException("Interrupted");
            }
        }
    }

    private void stopIfAsked() {
        if (processes.isStopping()) {
            throw new StartupException(StartupException.STOPPED);
        }
    }

    private static StartupException asStartupException(String step, Throwable cause) {
        if (cause instanceof StartupException) {
            return (StartupException) cause;
        }
        return new StartupException(step + " failed: " + cause, cause);
    }

    private static String tail(Path log) {
        return "The last " + LogTail.LINES + " lines of " + log + ":\n" + LogTail.of(log, LogTail.LINES);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted");
        }
    }
}
