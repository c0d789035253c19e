package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaConfigTest {

    private final KafkaConfig config =
            new KafkaConfig(19092, 19093, Path.of("/data/kafka/data"), Path.of("/data/logs/kafka.log"));

    @Test
    void rendersOneKraftNodeOnLoopbackWithReplicationFactorsOfOne() throws Exception {
        Properties server = load(config.serverProperties());

        assertThat(server)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", "/data/kafka/data")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("num.partitions", "6")
                .containsEntry("auto.create.topics.enable", "true");
        assertThat(server.stringPropertyNames())
                .filteredOn(name -> name.endsWith("replication.factor") || name.endsWith("min.isr"))
                .allSatisfy(name -> assertThat(server.getProperty(name)).isEqualTo("1"));
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void sendsTheBrokerLogsToAFileInTheDataFolder() throws Exception {
        Properties log4j = load(config.log4j2Properties());

        assertThat(log4j)
                .containsEntry("appender.file.type", "RollingFile")
                .containsEntry("appender.file.fileName", "/data/logs/kafka.log")
                .containsEntry("rootLogger.appenderRef.file.ref", "file");
        assertThat(log4j.stringPropertyNames()).noneMatch(name -> name.contains("console"));
    }

    @Test
    void usesTheGivenPorts() throws Exception {
        Properties server = load(new KafkaConfig(29092, 29093, Path.of("/d"), Path.of("/l")).serverProperties());

        assertThat(server.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093");
        assertThat(server.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:29093");
    }

    private static Properties load(String text) throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}
