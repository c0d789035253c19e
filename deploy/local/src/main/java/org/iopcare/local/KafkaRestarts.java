package org.iopcare.local;

import java.time.Duration;

/**
 * The broker-outage test's fault: the Kafka broker stopped as an operator would (SIGTERM) with its
 * data left in place, and started again on the same port and data.
 */
final class KafkaRestarts {

    private final StartedProcesses processes;
    private final Duration readyTimeout;
    private boolean kafkaStopped;

    KafkaRestarts(StartedProcesses processes, Duration readyTimeout) {
        this.processes = processes;
        this.readyTimeout = readyTimeout;
    }

    /** See {@link RunningPlatform#stopKafka()}. */
    void stop() {
        KafkaBroker broker;
        synchronized (this) {
            broker = processes.kafka();
            if (kafkaStopped) {
                return;
            }
            kafkaStopped = true;
        }
        broker.stop(ProcessStopper.GRACE);
        processes.pidFile().forget(KafkaBroker.COMPONENT);
    }

    /** See {@link RunningPlatform#startKafka()}. */
    Duration start() {
        KafkaBroker broker;
        synchronized (this) {
            broker = processes.kafka();
            if (!kafkaStopped) {
                throw new IllegalStateException("Kafka is running");
            }
        }
        long start = System.nanoTime();
        processes.launch("Kafka", () -> {
            Process process = broker.start();
            synchronized (this) {
                kafkaStopped = false;
            }
            processes.pidFile().record(KafkaBroker.COMPONENT, process.toHandle());
            return process;
        });
        broker.awaitReady(readyTimeout);
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
