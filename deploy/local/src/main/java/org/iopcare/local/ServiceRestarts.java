package org.iopcare.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The crash tests' fault on a service: a kill as {@code kill -9} would, and a start again from the
 * same jar, port and environment.
 */
final class ServiceRestarts {

    private final StartedProcesses processes;
    private final Duration readyTimeout;

    ServiceRestarts(StartedProcesses processes, Duration readyTimeout) {
        this.processes = processes;
        this.readyTimeout = readyTimeout;
    }

    /** See {@link RunningPlatform#kill(ServiceSpec)}. */
    long kill(ServiceSpec service) {
        Process process = running(service);
        long pid = process.pid();
        process.toHandle().destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(service.processName() + " (pid " + pid + ") survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + service.processName(), e);
        }
        return pid;
    }

    /** See {@link RunningPlatform#stop(ServiceSpec)}. */
    long stop(ServiceSpec service) {
        Process process = running(service);
        ProcessStopper.stop(process.toHandle(), ProcessStopper.GRACE);
        return process.pid();
    }

    /** The instance's current process, which must be alive. */
    private Process running(ServiceSpec service) {
        Process process = processes.current(service).process();
        if (!process.isAlive()) {
            throw new IllegalStateException(service.processName() + " is not running");
        }
        return process;
    }

    /** See {@link RunningPlatform#restart(ServiceSpec)}. */
    Duration restart(ServiceSpec service) {
        ServiceProcess previous = processes.current(service);
        if (previous.process().isAlive()) {
            throw new IllegalStateException(service.processName() + " is still running (pid "
                    + previous.process().pid() + ")");
        }
        ServiceLauncher serviceLauncher = processes.launcher();
        Path jar = processes.runnableJar(previous.spec());
        ServiceProcess started = processes.launch(service.processName(), () -> {
            try {
                ServiceProcess process = serviceLauncher.start(previous.spec(), jar);
                processes.replace(previous, process);
                return process;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start " + service.processName(), e);
            }
        });
        awaitReady(started);
        return started.sinceStart();
    }

    boolean isRunning(ServiceSpec service) {
        return processes.current(service).process().isAlive();
    }

    private void awaitReady(ServiceProcess service) {
        while (!service.isReady()) {
            Process process = service.process();
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        service.spec().processName() + " exited with code " + process.exitValue()
                                + " while restarting; the end of " + service.log() + ":\n"
                                + LogTail.of(service.log(), LogTail.LINES));
            }
            if (service.sinceStart().compareTo(readyTimeout) > 0) {
                throw new IllegalStateException(service.spec().processName() + " was not ready within "
                        + readyTimeout.toSeconds() + " s after a restart; the end of " + service.log()
                        + ":\n" + LogTail.of(service.log(), LogTail.LINES));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "Interrupted while restarting " + service.spec().processName(), e);
            }
        }
    }
}
