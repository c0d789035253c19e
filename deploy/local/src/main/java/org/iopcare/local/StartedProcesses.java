package org.iopcare.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What a platform has started, registered the moment each process exists: here, for the stop and the
 * crash tests' restarts, and in the pid file, for a stop from another process. Also the guard between
 * starting and stopping: once a stop has begun nothing more starts, and a start under way is
 * registered before the stop looks, so a Ctrl-C in the middle of a start stops exactly what was
 * started.
 */
final class StartedProcesses {

    /** What a stop finds, taken once the starts under way have registered. */
    record Snapshot(
            List<ServiceProcess> services, ArchiveTraining training, KafkaBroker kafka, LocalPostgres postgres) {

        boolean isEmpty() {
            return services.isEmpty() && kafka == null && postgres == null;
        }
    }

    private final PidFile pids;
    private final List<ServiceProcess> services = new ArrayList<>();
    private KafkaBroker kafka;
    private LocalPostgres postgres;
    private ServiceLauncher launcher;
    private Map<ServiceSpec, Path> runnableJars = Map.of();
    private ArchiveTraining training;
    private boolean stopping;
    private int launching;

    StartedProcesses(PidFile pids) {
        this.pids = pids;
    }

    PidFile pidFile() {
        return pids;
    }

    /** The pids of the processes the platform started (PostgreSQL's postmaster included). */
    synchronized Map<String, Long> pids() {
        Map<String, Long> result = new LinkedHashMap<>();
        for (PidFile.Entry entry : pids.read()) {
            if (!entry.component().equals(PidFile.LAUNCHER)) {
                result.put(entry.component(), entry.pid());
            }
        }
        return result;
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

    /** Marks the stop as begun; false if it had begun already. */
    synchronized boolean beginStop() {
        boolean alreadyStopping = stopping;
        stopping = true;
        return !alreadyStopping;
    }

    /** After {@link #beginStop()}: what there is to stop, once a component being started right now is registered. */
    synchronized Snapshot awaitLaunches() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (launching > 0 && System.nanoTime() < deadline) {
            try {
                wait(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Snapshot(new ArrayList<>(services), training, kafka, postgres);
    }

    synchronized boolean isStopping() {
        return stopping;
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
        pids.record(service.spec().processName(), service.process().toHandle());
    }

    /** How the services were started, for starting one again. */
    synchronized void register(ServiceLauncher serviceLauncher, Map<ServiceSpec, Path> jars) {
        launcher = serviceLauncher;
        runnableJars = Map.copyOf(jars);
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

    /**
     * The current process of a service instance ({@link ServiceSpec#processName()}: {@code
     * ServiceSpec.INTAKE} is the first instance, {@code ServiceSpec.INTAKE.instance(2)} the second):
     * the latest one started under its name.
     */
    synchronized ServiceProcess current(ServiceSpec service) {
        for (ServiceProcess running : services) {
            if (running.spec().processName().equals(service.processName())) {
                return running;
            }
        }
        throw new IllegalArgumentException("This platform runs no " + service.processName());
    }

    /** The instances of {@code service} that were started, first instance first. */
    synchronized List<ServiceSpec> instancesOf(ServiceSpec service) {
        return services.stream()
                .map(ServiceProcess::spec)
                .filter(spec -> spec.name().equals(service.name()))
                .sorted(java.util.Comparator.comparingInt(ServiceSpec::instance))
                .toList();
    }

    /** A service started again takes the place of its previous process, here and in the pid file. */
    synchronized void replace(ServiceProcess previous, ServiceProcess next) {
        services.set(services.indexOf(previous), next);
        pids.record(next.spec().processName(), next.process().toHandle());
    }

    synchronized ServiceLauncher launcher() {
        return launcher;
    }

    synchronized Path runnableJar(ServiceSpec service) {
        return runnableJars.get(service);
    }

    synchronized KafkaBroker kafka() {
        if (kafka == null) {
            throw new IllegalStateException("This platform runs no Kafka broker");
        }
        return kafka;
    }
}
