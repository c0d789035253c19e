package org.iopcare.local;

import java.nio.file.Path;

/**
 * The configuration files of the single local Kafka node: {@code server.properties} and the log4j2
 * configuration that sends its logs to files in the data folder instead of the terminal.
 */
final class KafkaConfig {

    static final String HOST = "127.0.0.1";

    private final int brokerPort;
    private final int controllerPort;
    private final Path dataDir;
    private final Path logFile;

    KafkaConfig(int brokerPort, int controllerPort, Path dataDir, Path logFile) {
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    String serverProperties() {
        return String.join(
                "\n",
                "# Written by the IOP Care launcher on every start; edits are overwritten.",
                "# One KRaft node that is broker and controller at once, reachable from this machine only.",
                "process.roles=broker,controller",
                "node.id=1",
                // A static voter set: `format` needs no --standalone and the node is its own quorum.
                "controller.quorum.voters=1@" + HOST + ":" + controllerPort,
                "listeners=PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + HOST + ":" + brokerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + properties(dataDir.toAbsolutePath().toString()),
                "",
                "# One node: every replication factor is 1.",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "",
                "# Topics the services use appear on first use, with room for keyed parallelism.",
                "auto.create.topics.enable=true",
                "num.partitions=6",
                // The default 50 partitions of the internal topics cost seconds on the first consumer
                // group of a fresh broker; a local run has four services.
                "offsets.topic.num.partitions=6",
                "transaction.state.log.num.partitions=6",
                "# Consumers of a local run join one at a time; waiting for more only slows every start.",
                "group.initial.rebalance.delay.ms=0",
                "",
                "# Two cores are shared with PostgreSQL and four JVMs.",
                "num.network.threads=2",
                "num.io.threads=4",
                "num.recovery.threads.per.data.dir=1",
                "log.retention.hours=168",
                "");
    }

    String log4j2Properties() {
        String file = properties(logFile.toAbsolutePath().toString());
        return String.join(
                "\n",
                "# Written by the IOP Care launcher on every start; edits are overwritten.",
                "status = warn",
                "name = iopcare-local-kafka",
                "appender.file.type = RollingFile",
                "appender.file.name = file",
                "appender.file.fileName = " + file,
                "appender.file.filePattern = " + file + ".%i",
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "appender.file.policies.type = Policies",
                "appender.file.policies.size.type = SizeBasedTriggeringPolicy",
                "appender.file.policies.size.size = 10MB",
                "appender.file.strategy.type = DefaultRolloverStrategy",
                "appender.file.strategy.max = 3",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = file",
                "# The request and state-change loggers are very chatty at INFO.",
                "logger.request.name = kafka.request.logger",
                "logger.request.level = WARN",
                "logger.state.name = state.change.logger",
                "logger.state.level = WARN",
                "");
    }

    /** Escapes a value for a .properties file (Windows paths hold backslashes). */
    private static String properties(String value) {
        return value.replace("\\", "\\\\");
    }
}
