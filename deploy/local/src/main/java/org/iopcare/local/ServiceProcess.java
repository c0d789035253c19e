package org.iopcare.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** A running service and how to tell whether it is ready. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private final ServiceSpec spec;
    private final Process process;
    private final Path log;
    private final long startedNanos;
    private volatile boolean ready;

    ServiceProcess(ServiceSpec spec, Process process, Path log, long startedNanos) {
        this.spec = spec;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    ServiceSpec spec() {
        return spec;
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Whether it has answered its readiness probe once. */
    boolean wasReady() {
        return ready;
    }

    /** Readiness as Kubernetes would ask for it: 200 from the readiness group. */
    boolean isReady() {
        ready = ready || probe();
        return ready;
    }

    private boolean probe() {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + spec.port() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
