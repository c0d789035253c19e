package org.iopcare.local;

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
    private LocalPostgres postgres;
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
