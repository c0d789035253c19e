package org.iopcare.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/** The one Kafka broker of this test JVM: external, a container, or embedded KRaft, in that order. */
final class KafkaServer {

    static final String EXTERNAL = "IOPCARE_KAFKA_BOOTSTRAP";
    private static final String IMAGE = "apache/kafka:4.1.2";

    private KafkaServer() {}

    static String start() {
        String external = System.getenv(EXTERNAL);
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (Docker.available()) {
            KafkaContainer container = new KafkaContainer(IMAGE);
            container.start();
            return container.getBootstrapServers();
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6).kafkaPorts(0);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("num.partitions", "6");
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
        return broker.getBrokersAsString();
    }
}
