package org.iopcare.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs IOP Care on one machine: a Kafka node, PostgreSQL, the four services and the staff console, with one command
 * ({@code ./run-local.sh}) or from Java ({@link #start(LocalOptions)}, e.g. an acceptance suite).
 */
public final class LocalPlatform {

    /** The launcher of a stopped run stops its children first; give it time for all of them. */
    private static final Duration LAUNCHER_GRACE = Duration.ofSeconds(90);

    private LocalPlatform() {}

    public static void main(String[] args) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args, LocalOptions.builder());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        LocalOptions options = commandLine.options();
        switch (commandLine.action()) {
            case HELP -> System.out.println(CommandLine.USAGE);
            case STOP -> {
                if (!stop(options.dataDir(), System.out)) {
                    System.out.println("No local run of IOP Care is running (" + options.dataDir() + ")");
                }
            }
            case START -> runUntilStopped(options);
        }
    }

    /**
     * Starts the platform and returns once every service is ready. Whatever it started is stopped
     * again if it fails ({@link StartupException}), and when the JVM exits.
     */
    public static RunningPlatform start(LocalOptions options) {
        long startNanos = System.nanoTime();
        Progress progress = new Progress(options.console(), startNanos);
        DataFolder folder = new DataFolder(options.dataDir());
        PidFile pids = new PidFile(folder.pidFile());
        if (stopRecorded(pids, options.console(), "An earlier run is still running")) {
            progress.line("Stopped it.");
        }
        if (options.fresh()) {
            progress.line("Deleting " + folder.root() + " (--fresh)");
            folder.delete();
        }
        Ports.requireFree(ports(options));
        folder.create();
        progress.line("Starting IOP Care (data in " + folder.root() + ")");
        if (options.listenAll()) {
            progress.line(ListenAllWarning.TEXT);
        }
        RunningPlatform platform = new RunningPlatform(options, folder, pids, progress, startNanos);
        platform.installShutdownHook();
        platform.processes().registerLauncher();
        try {
            new Startup(options, platform).run();
            return platform;
        } catch (RuntimeException e) {
            StartupException failure =
                    e instanceof StartupException ? (StartupException) e : new StartupException(e.toString(), e);
            if (!isStop(failure)) {
                // The reason first (with the log lines that explain it), then the stop's own lines.
                progress.line("");
                progress.line("IOP Care did not start: " + failure.getMessage());
                progress.line("");
                failure.markReported();
            }
            platform.stop();
            throw failure;
        }
    }

    /** Stops the run that keeps its data in {@code dataDir}, started in another JVM; false if none runs. */
    public static boolean stop(Path dataDir, PrintStream out) {
        return stopRecorded(new PidFile(new DataFolder(dataDir).pidFile()), out, "Stopping the local run");
    }

    private static void runUntilStopped(LocalOptions options) {
        RunningPlatform platform;
        try {
            platform = start(options);
        } catch (StartupException e) {
            if (isStop(e)) {
                System.out.println("Stopped before IOP Care was up.");
            } else if (!e.reported()) {
                System.err.println();
                System.err.println("IOP Care did not start: " + e.getMessage());
            }
            System.exit(1);
            return;
        }
        System.out.println(Summary.of(platform));
        watch(platform);
    }

    /** Until stopped: says so when a service dies, instead of leaving the user to find out. */
    private static void watch(RunningPlatform platform) {
        Set<String> reported = new HashSet<>();
        try {
            while (!platform.awaitStop(Duration.ofSeconds(2))) {
                for (ServiceProcess service : platform.processes().services()) {
                    Process process = service.process();
                    if (!process.isAlive()
                            && reported.add(service.spec().processName())
                            && !platform.processes().isStopping()) {
                        platform.progress()
                                .line(service.spec().processName() + " exited with code " + process.exitValue()
                                        + "; its log: " + service.log());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the processes named in a pid file: the launcher first (it stops its children in order),
     * then whatever is left, services before Kafka before PostgreSQL.
     */
    static boolean stopRecorded(PidFile pids, PrintStream out, String message) {
        long self = ProcessHandle.current().pid();
        List<PidFile.Entry> live = new ArrayList<>();
        for (PidFile.Entry entry : pids.live()) {
            if (entry.pid() != self) {
                live.add(entry);
            }
        }
        if (live.isEmpty()) {
            if (pids.read().stream().noneMatch(e -> e.pid() == self)) {
                pids.delete();
            }
            return false;
        }
        StringBuilder names = new StringBuilder();
        live.forEach(e -> names.append(names.length() == 0 ? "" : ", ")
                .append(e.component())
                .append(' ')
                .append(e.pid()));
        out.println(message + " (" + names + ")");
        out.flush();
        for (PidFile.Entry entry : live) {
            if (entry.component().equals(PidFile.LAUNCHER)) {
                entry.live().ifPresent(launcher -> {
                    launcher.destroy();
                    try {
                        launcher.onExit().get(LAUNCHER_GRACE.toSeconds(), TimeUnit.SECONDS);
                    } catch (Exception e) {
                        launcher.destroyForcibly();
                    }
                });
            }
        }
        List<ProcessHandle> services = new ArrayList<>();
        Map<String, ProcessHandle> infrastructure = new LinkedHashMap<>();
        for (PidFile.Entry entry : live) {
            String component = entry.component();
            if (component.equals(PidFile.LAUNCHER)) {
                continue;
            }
            entry.live().ifPresent(process -> {
                if (component.equals(KafkaBroker.COMPONENT) || component.equals(LocalPostgres.COMPONENT)) {
                    infrastructure.put(component, process);
                } else {
                    services.add(process);
                }
            });
        }
        ProcessStopper.stop(services, ProcessStopper.GRACE);
        ProcessHandle kafka = infrastructure.get(KafkaBroker.COMPONENT);
        if (kafka != null) {
            ProcessStopper.stop(kafka, ProcessStopper.GRACE);
        }
        ProcessHandle postgres = infrastructure.get(LocalPostgres.COMPONENT);
        if (postgres != null) {
            ProcessStopper.stopPostgres(postgres, ProcessStopper.GRACE);
        }
        pids.delete();
        return true;
    }

    private static boolean isStop(StartupException e) {
        return e.getMessage() != null && e.getMessage().startsWith(StartupException.STOPPED);
    }

    private static Map<String, Integer> ports(LocalOptions options) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka", options.kafkaPort());
        ports.put("Kafka controller", options.kafkaControllerPort());
        ports.put("PostgreSQL", options.postgresPort());
        for (ServiceSpec service : options.serviceInstances()) {
            ports.put(service.processName(), service.port());
        }
        return ports;
    }
}
