package org.iopcare.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A started platform: where its parts listen, and {@link #stop()}, which stops the services, then
 * Kafka, then PostgreSQL and leaves no process behind. Also the bookkeeping while it starts: every
 * process is registered here the moment it exists, so a Ctrl-C in the middle of a start stops exactly
 * what was started.
 */
public final class RunningPlatform implements AutoCloseable {

    private final LocalOptions options;
    private final DataFolder folder;
    private final PidFile pids;
    private final Progress progress;
    private final long startNanos;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<String, Double> readySeconds = Collections.synchronizedMap(new LinkedHashMap<>());

    private final List<ServiceProcess> services = new ArrayList<>();
    private KafkaBroker kafka;
    private boolean kafkaStopped;
    private LocalPostgres postgres;
    private ServiceLauncher launcher;
    private Map<ServiceSpec, Path> runnableJars = Map.of();
    private ArchiveTraining training;
    private Thread shutdownHook;
    private boolean stopping;
    private int launching;
    private double startupSeconds;

    RunningPlatform(LocalOptions options, DataFolder folder, PidFile pids, Progress progress, long startNanos) {
        this.options = options;
        this.folder = folder;
        this.pids = pids;
        this.progress = progress;
        this.startNanos = startNanos;
    }

    public LocalOptions options() {
        return options;
    }

    public String kafkaBootstrapServers() {
        return KafkaConfig.HOST + ":" + options.kafkaPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + KafkaConfig.HOST + ":" + options.postgresPort() + "/" + LocalPostgres.DATABASE;
    }

    /** {@code http://localhost:<port>} of a running service. */
    public String serviceUrl(ServiceSpec service) {
        return "http://localhost:" + service.port();
    }

    /** Seconds from the start of the launcher until each component was ready. */
    public Map<String, Double> readySeconds() {
        synchronized (readySeconds) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(readySeconds));
        }
    }

    /** Seconds until everything was ready. */
    public double startupSeconds() {
        return startupSeconds;
    }

    /** The pids of the processes the platform started (PostgreSQL's postmaster included). */
    public synchronized Map<String, Long> pids() {
        Map<String, Long> result = new LinkedHashMap<>();
        for (PidFile.Entry entry : pids.read()) {
            if (!entry.component().equals(PidFile.LAUNCHER)) {
                result.put(entry.component(), entry.pid());
            }
        }
        return result;
    }

    public Path dataDir() {
        return folder.root();
    }

    /** Blocks until {@link #stop()} has finished (from a shutdown hook, another thread, ...). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Stops everything in order: the services (SIGTERM, up to 20 s each, in parallel), Kafka, then
     * PostgreSQL. Safe to call more than once and from any thread.
     */
    public void stop() {
        List<ServiceProcess> runningServices;
        ArchiveTraining trainer;
        KafkaBroker broker;
        LocalPostgres database;
        boolean alreadyStopping;
        synchronized (this) {
            alreadyStopping = stopping;
            stopping = true;
        }
        if (alreadyStopping) {
            awaitStopQuietly();
            return;
        }
        synchronized (this) {
            // A component being started right now is registered (or stopped) before we go on.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (launching > 0 && System.nanoTime() < deadline) {
                try {
                    wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            runningServices = new ArrayList<>(services);
            trainer = training;
            broker = kafka;
            database = postgres;
        }
        long stopStart = System.nanoTime();
        boolean anything = !runningServices.isEmpty() || broker != null || database != null;
        if (anything) {
            progress.line("Stopping IOP Care ...");
        }
        try {
            if (trainer != null) {
                trainer.stop();
            }
            if (!runningServices.isEmpty()) {
                Map<ProcessHandle, Duration> graces = new LinkedHashMap<>();
                runningServices.forEach(s -> graces.put(
                        s.process().toHandle(), s.wasReady() ? ProcessStopper.GRACE : ProcessStopper.STARTING_GRACE));
                ProcessStopper.stop(graces);
                runningServices.forEach(s -> pids.forget(s.spec().name()));
            }
            if (broker != null) {
                broker.stop(ProcessStopper.GRACE);
                pids.forget(KafkaBroker.COMPONENT);
            }
            if (database != null) {
                database.stop(ProcessStopper.GRACE);
                pids.forget(LocalPostgres.COMPONENT);
            }
            pids.delete();
            if (anything) {
                progress.line("IOP Care stopped in " + Progress.seconds((System.nanoTime() - stopStart) / 1e9));
            }
        } finally {
            removeShutdownHook();
            stopped.countDown();
        }
    }

    /**
     * Kills a running service the hard way, as {@code kill -9} would (no shutdown hook, no graceful
     * shutdown, open transactions and sends cut off), and waits until it is gone. The crash tests'
     * fault; {@link #restart(ServiceSpec)} brings the service back.
     *
     * @return the pid that was killed
     * @throws IllegalArgumentException if the platform runs no service of that name
     * @throws IllegalStateException if the service is not running
     */
    public long kill(ServiceSpec service) {
        ServiceProcess running = current(service);
        Process process = running.process();
        if (!process.isAlive()) {
            throw new IllegalStateException(service.name() + " is not running");
        }
        long pid = process.pid();
        process.toHandle().destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(service.name() + " (pid " + pid + ") survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + service.name(), e);
        }
        return pid;
    }

    /**
     * Starts a service that has exited (killed, crashed) again from the same jar, port and
     * environment, and waits until its readiness probe answers 200.
     *
     * @return how long it took until it was ready
     * @throws IllegalStateException if it is still running, or does not become ready in time
     */
    public Duration restart(ServiceSpec service) {
        ServiceProcess previous = current(service);
        if (previous.process().isAlive()) {
            throw new IllegalStateException(service.name() + " is still running (pid "
                    + previous.process().pid() + ")");
        }
        ServiceLauncher serviceLauncher;
        Path jar;
        synchronized (this) {
            serviceLauncher = launcher;
            jar = runnableJars.get(previous.spec());
        }
        ServiceProcess started = launch(service.name(), () -> {
            try {
                ServiceProcess process = serviceLauncher.start(previous.spec(), jar);
                replace(previous, process);
                return process;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start " + service.name(), e);
            }
        });
        awaitReady(started);
        return started.sinceStart();
    }

    /** Whether the service's current process is alive. */
    public boolean isRunning(ServiceSpec service) {
        return current(service).process().isAlive();
    }

    /**
     * Stops the Kafka broker (SIGTERM, as an operator would) and leaves its data in place: the
     * broker-outage test's fault. {@link #startKafka()} starts it again on the same port and data.
     */
    public void stopKafka() {
        KafkaBroker broker;
        synchronized (this) {
            broker = requireKafka();
            if (kafkaStopped) {
                return;
            }
            kafkaStopped = true;
        }
        broker.stop(ProcessStopper.GRACE);
        pids.forget(KafkaBroker.COMPONENT);
    }

    /**
     * Starts a broker stopped by {@link #stopKafka()} again, on the same port and data, and waits
     * until it answers Metadata.
     *
     * @return how long it took until it was ready
     */
    public Duration startKafka() {
        KafkaBroker broker;
        synchronized (this) {
            broker = requireKafka();
            if (!kafkaStopped) {
                throw new IllegalStateException("Kafka is running");
            }
        }
        long start = System.nanoTime();
        launch("Kafka", () -> {
            Process process = broker.start();
            synchronized (this) {
                kafkaStopped = false;
                pids.record(KafkaBroker.COMPONENT, process.toHandle());
            }
            return process;
        });
        broker.awaitReady(options.readyTimeout());
        return Duration.ofNanos(System.nanoTime() - start);
    }

    synchronized void register(ServiceLauncher serviceLauncher, Map<ServiceSpec, Path> jars) {
        launcher = serviceLauncher;
        runnableJars = Map.copyOf(jars);
    }

    private synchronized KafkaBroker requireKafka() {
        if (kafka == null) {
            throw new IllegalStateException("This platform runs no Kafka broker");
        }
        return kafka;
    }

    /** The service's current process: the latest one started under its name. */
    private synchronized ServiceProcess current(ServiceSpec service) {
        for (ServiceProcess running : services) {
            if (running.spec().name().equals(service.name())) {
                return running;
            }
        }
        throw new IllegalArgumentException("This platform runs no " + service.name());
    }

    private synchronized void replace(ServiceProcess previous, ServiceProcess next) {
        services.set(services.indexOf(previous), next);
        pids.record(next.spec().name(), next.process().toHandle());
    }

    private void awaitReady(ServiceProcess service) {
        while (!service.isReady()) {
            Process process = service.process();
            if (!process.isAlive()) {
                throw new IllegalStateException(service.spec().name() + " exited with code " + process.exitValue()
                        + " while restarting; the end of " + service.log() + ":\n"
                        + LogTail.of(service.log(), LogTail.LINES));
            }
            if (service.sinceStart().compareTo(options.readyTimeout()) > 0) {
                throw new IllegalStateException(service.spec().name() + " was not ready within "
                        + options.readyTimeout().toSeconds() + " s after a restart; the end of " + service.log()
                        + ":\n" + LogTail.of(service.log(), LogTail.LINES));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "Interrupted while restarting " + service.spec().name(), e);
            }
        }
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    double sinceStart() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    void ready(String component) {
        double seconds = sinceStart();
        readySeconds.put(component, seconds);
        progress.ready(component, seconds);
    }

    void startupFinished() {
        startupSeconds = sinceStart();
    }

    /**
     * Runs {@code start} unless a stop has begun, and keeps a stop waiting while it runs, so that
     * whatever it starts is registered before the stop looks.
     */
    <T> T launch(String what, Supplier<T> start) {
        synchronized (this) {
            if (stopping) {
                throw new StartupException(StartupException.STOPPED + " (" + what + ")");
            }
            launching++;
        }
        try {
            return start.get();
        } finally {
            synchronized (this) {
                launching--;
                notifyAll();
            }
        }
    }

    synchronized void registerLauncher() {
        pids.record(PidFile.LAUNCHER, ProcessHandle.current());
    }

    synchronized void register(KafkaBroker broker, Process process) {
        kafka = broker;
        pids.record(KafkaBroker.COMPONENT, process.toHandle());
    }

    synchronized void register(LocalPostgres database) {
        postgres = database;
        database.postmaster().ifPresent(p -> pids.record(LocalPostgres.COMPONENT, p));
    }

    synchronized void register(ServiceProcess service) {
        services.add(service);
        pids.record(service.spec().name(), service.process().toHandle());
    }

    /** Background work that a stop must end first; refused (false) once a stop has begun. */
    synchronized boolean register(ArchiveTraining trainer) {
        if (stopping) {
            return false;
        }
        training = trainer;
        return true;
    }

    synchronized List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    Progress progress() {
        return progress;
    }

    DataFolder folder() {
        return folder;
    }

    /** The JVM may exit without stop() (the end of a test run, SIGTERM): stop on the way out then. */
    synchronized void installShutdownHook() {
        shutdownHook = new Thread(this::stop, "iopcare-local-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void removeShutdownHook() {
        Thread hook;
        synchronized (this) {
            hook = shutdownHook;
            shutdownHook = null;
        }
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook is what called us, or will find us stopped
            }
        }
    }

    private void awaitStopQuietly() {
        try {
            stopped.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
