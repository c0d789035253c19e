package org.iopcare.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Records the class-data archives of the services that have none, in the background, one service at
 * a time and at low priority, once the platform is up: a training run starts the service's
 * application context and exits right after it is refreshed, writing the AOT cache on its way out
 * (Java 25) or the list of the classes it loaded, from which a second JVM writes the archive (Java
 * 17-24, {@link ClassDataArchives#dumpOptions}).
 * The next start of the platform uses them. Stopping the platform ends a training run at once; it
 * is only a cache, redone next time.
 */
final class ArchiveTraining {

    /** Per JVM of a training: a training run normally takes 20-30 s, writing the archive 10-20 s. */
    private static final long TIMEOUT_SECONDS = 300;

    private final ClassDataArchives archives;
    private final ServiceLauncher launcher;
    private final DataFolder folder;
    private final Progress progress;
    private final Object lock = new Object();
    private Thread thread;
    private Process current;
    private boolean stopped;

    ArchiveTraining(ClassDataArchives archives, ServiceLauncher launcher, DataFolder folder, Progress progress) {
        this.archives = archives;
        this.launcher = launcher;
        this.folder = folder;
        this.progress = progress;
    }

    /** Starts training the services without an archive; false if there is nothing to do. */
    boolean startFor(Map<ServiceSpec, Path> runnableJars) {
        List<Map.Entry<ServiceSpec, Path>> todo = new ArrayList<>();
        for (Map.Entry<ServiceSpec, Path> entry : runnableJars.entrySet()) {
            boolean extracted = !entry.getValue().equals(launcher.executableJar(entry.getKey()));
            if (archives.enabled() && extracted && !archives.has(entry.getKey())) {
                todo.add(entry);
            }
        }
        if (todo.isEmpty()) {
            return false;
        }
        synchronized (lock) {
            thread = new Thread(() -> train(todo), "iopcare-cds-training");
            thread.setDaemon(true);
            thread.start();
        }
        return true;
    }

    /** Ends a running training run (its archive is discarded) and waits for the trainer to finish. */
    void stop() {
        Thread trainer;
        Process process;
        synchronized (lock) {
            stopped = true;
            trainer = thread;
            process = current;
        }
        if (process != null) {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (trainer != null) {
            try {
                trainer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void train(List<Map.Entry<ServiceSpec, Path>> todo) {
        int done = 0;
        for (Map.Entry<ServiceSpec, Path> entry : todo) {
            ServiceSpec service = entry.getKey();
            Path log = folder.log(service.name() + "-cds-training");
            try {
                synchronized (lock) {
                    if (stopped) {
                        return;
                    }
                    Files.deleteIfExists(log);
                }
                boolean recorded = run(service, entry.getValue(), archives.trainingOptions(service), log);
                if (recorded) {
                    // Java 17-24: the archive is written from the training run's class list by a second JVM
                    List<String> dump = archives.dumpOptions(service);
                    recorded = dump.isEmpty() || run(service, entry.getValue(), dump, log);
                }
                synchronized (lock) {
                    if (stopped) {
                        archives.discardPending(service);
                        return;
                    }
                }
                if (recorded && archives.promote(service)) {
                    done++;
                } else {
                    archives.discardPending(service);
                    progress.line("  note    no class-data archive for " + service.name() + " (see " + log
                            + "); it starts without one");
                }
            } catch (IOException e) {
                archives.discardPending(service);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                archives.discardPending(service);
                return;
            }
        }
        if (done > 0) {
            progress.line("  note    class-data archives recorded for " + done + " service" + (done == 1 ? "" : "s")
                    + ": the next start is faster");
        }
    }

    /** One JVM of the training, its output appended to {@code log}: whether it exited normally in time. */
    private boolean run(ServiceSpec service, Path jar, List<String> jvmOptions, Path log)
            throws IOException, InterruptedException {
        Process process;
        synchronized (lock) {
            if (stopped) {
                return false;
            }
            process = launcher.startTraining(service, jar, jvmOptions, log);
            current = process;
        }
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        synchronized (lock) {
            current = null;
        }
        if (!finished) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }
}
