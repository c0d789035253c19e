package org.iopcare.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A started platform: where its parts listen, and {@link #stop()}, which stops the services, then
 * Kafka, then PostgreSQL and leaves no process behind. Its parts: what was started
 * ({@link StartedProcesses}, registered the moment each process exists, so a Ctrl-C in the middle of a
 * start stops exactly what was started), the stop ({@link PlatformStop}), the crash and outage tests'
 * faults ({@link ServiceRestarts}, {@link KafkaRestarts}) and when each part was ready
 * ({@link StartTimes}).
 */
public final class RunningPlatform implements AutoCloseable {

    private final LocalOptions options;
    private final DataFolder folder;
    private final Progress progress;
    private final StartedProcesses processes;
    private final StartTimes times;
    private final PlatformStop stop;
    private final ServiceRestarts serviceRestarts;
    private final KafkaRestarts kafkaRestarts;

    RunningPlatform(LocalOptions options, DataFolder folder, PidFile pids, Progress progress, long startNanos) {
        this.options = options;
        this.folder = folder;
        this.progress = progress;
        this.processes = new StartedProcesses(pids);
        this.times = new StartTimes(progress, startNanos);
        this.stop = new PlatformStop(processes, progress);
        this.serviceRestarts = new ServiceRestarts(processes, options.readyTimeout());
        this.kafkaRestarts = new KafkaRestarts(processes, options.readyTimeout());
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

    /**
     * The instances of {@code service} this platform started, first instance first (one unless the
     * options asked for more, {@link LocalOptions.Builder#instances(int)}); each has its own port.
     */
    public List<ServiceSpec> instances(ServiceSpec service) {
        return processes.instancesOf(service);
    }

    /** {@code http://localhost:<port>} of a running service. */
    public String serviceUrl(ServiceSpec service) {
        return "http://localhost:" + service.port();
    }

    /** Seconds from the start of the launcher until each component was ready. */
    public Map<String, Double> readySeconds() {
        return times.readySeconds();
    }

    /** Seconds until everything was ready. */
    public double startupSeconds() {
        return times.startupSeconds();
    }

    /** The pids of the processes the platform started (PostgreSQL's postmaster included). */
    public Map<String, Long> pids() {
        return processes.pids();
    }

    public Path dataDir() {
        return folder.root();
    }

    /** Blocks until {@link #stop()} has finished (from a shutdown hook, another thread, ...). */
    public void awaitStop() throws InterruptedException {
        stop.awaitStop();
    }

    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stop.awaitStop(timeout);
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
        stop.stop();
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
        return serviceRestarts.kill(service);
    }

    /**
     * Stops a running service instance as an operator would (SIGTERM, up to 20 s for its graceful
     * shutdown, then SIGKILL), e.g. the second instance of a service while the first carries on.
     * {@link #restart(ServiceSpec)} brings it back.
     *
     * @param service the instance, e.g. {@code ServiceSpec.NOTIFICATION.instance(2)} (matched by
     *     {@link ServiceSpec#processName()})
     * @return the pid that was stopped
     * @throws IllegalArgumentException if the platform runs no such instance
     * @throws IllegalStateException if it is not running
     */
    public long stop(ServiceSpec service) {
        return serviceRestarts.stop(service);
    }

    /**
     * Starts a service that has exited (killed, crashed) again from the same jar, port and
     * environment, and waits until its readiness probe answers 200.
     *
     * @return how long it took until it was ready
     * @throws IllegalStateException if it is still running, or does not become ready in time
     */
    public Duration restart(ServiceSpec service) {
        return serviceRestarts.restart(service);
    }

    /** Whether the service's current process is alive. */
    public boolean isRunning(ServiceSpec service) {
        return serviceRestarts.isRunning(service);
    }

    /**
     * Stops the Kafka broker (SIGTERM, as an operator would) and leaves its data in place: the
     * broker-outage test's fault. {@link #startKafka()} starts it again on the same port and data.
     */
    public void stopKafka() {
        kafkaRestarts.stop();
    }

    /**
     * Starts a broker stopped by {@link #stopKafka()} again, on the same port and data, and waits
     * until it answers Metadata.
     *
     * @return how long it took until it was ready
     */
    public Duration startKafka() {
        return kafkaRestarts.start();
    }

    /** What was started, for the start to register into and the watch to look at. */
    StartedProcesses processes() {
        return processes;
    }

    StartTimes times() {
        return times;
    }

    Progress progress() {
        return progress;
    }

    DataFolder folder() {
        return folder;
    }

    /** The JVM may exit without stop() (the end of a test run, SIGTERM): stop on the way out then. */
    void installShutdownHook() {
        stop.installShutdownHook();
    }
}
