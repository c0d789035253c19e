package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real broker process and the real PostgreSQL: started, used as the services will use them,
 * stopped, and nothing left running. No mocks, no skipping: if they cannot start here, this fails.
 */
class InfrastructureTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private RunningPlatform platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.stop();
        }
    }

    /**
     * One data folder through a whole life: a first start, used as the services will use it, Kafka
     * stopped and started under it, a stop that leaves no process; a restart that keeps what the first
     * run wrote; a fresh start that drops it. One test, so that the first run is also the one the
     * restart is checked against (every start of the broker and PostgreSQL costs tens of seconds).
     */
    @Test
    void startsUsesRestartsKafkaStopsLeavingNoProcessThenARestartKeepsTheDataAndAFreshStartDropsIt() throws Exception {
        LocalOptions options = TestPlatforms.infrastructure(dataDir, console).build();
        platform = LocalPlatform.start(options);

        assertThat(platform.readySeconds()).containsKeys("Kafka", "PostgreSQL");
        assertThat(console.toString()).contains("ready   Kafka", "ready   PostgreSQL");
        Map<String, Long> pids = platform.pids();
        assertThat(pids).containsKeys("kafka", "postgres");
        assertThat(Files.readString(dataDir.resolve("run.pids")))
                .contains("launcher " + ProcessHandle.current().pid());

        // Kafka: one node; a topic appears on first use with six partitions; records go round.
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .hasSize(1);
        }
        assertThat(roundTrip(platform.kafkaBootstrapServers(), "local-platform-probe", "hello"))
                .isEqualTo("hello");
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()))) {
            assertThat(admin.describeTopics(List.of("local-platform-probe"))
                            .allTopicNames()
                            .get(10, TimeUnit.SECONDS)
                            .get("local-platform-probe")
                            .partitions())
                    .hasSize(6);
        }

        // PostgreSQL: each service logs in with its own password and works in its own schema only.
        for (ServiceSpec service : ServiceSpec.SERVICES) {
            try (Connection connection = connectAs(service.schema())) {
                execute(connection, "CREATE TABLE probe (id int PRIMARY KEY)");
                assertThat(query(connection, "SELECT current_schema()")).isEqualTo(service.schema());
                assertThat(query(
                                connection,
                                "SELECT schema_owner FROM information_schema.schemata WHERE schema_name = '"
                                        + service.schema() + "'"))
                        .isEqualTo(service.schema());
                assertThatThrownBy(() -> execute(connection, "CREATE TABLE public.probe (id int)"))
                        .hasMessageContaining("permission denied");
            }
            // The role the service runs as: its own password, the schema first, no DDL.
            try (Connection connection = connectAs(service.runtimeRole())) {
                assertThat(query(connection, "SELECT current_schema()")).isEqualTo(service.schema());
                assertThatThrownBy(() -> execute(connection, "CREATE TABLE other_probe (id int)"))
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> execute(connection, "CREATE TABLE public.other_probe (id int)"))
                        .hasMessageContaining("permission denied");
            }
        }
        assertThatThrownBy(() -> DriverManager.getConnection(platform.jdbcUrl(), "intake", "wrong"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");

        // A refused statement leaves its values out of PostgreSQL's log: no DETAIL (the failing
        // row, the duplicate key), no CONTEXT with bound parameters, no STATEMENT.
        String canary = "Canary" + java.util.UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = connectAs("intake")) {
            execute(
                    connection,
                    "CREATE TABLE note (name varchar(100) PRIMARY KEY, text varchar(200) CHECK (length(text) < 5))");
            execute(connection, "INSERT INTO note (name) VALUES ('" + "taken" + "')");
            for (String[] row : new String[][] {{canary, canary + " sleeps badly"}, {"taken", canary}}) {
                try (java.sql.PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO note (name, text) VALUES (?, ?)")) {
                    insert.setString(1, row[0]);
                    insert.setString(2, row[1]);
                    assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class);
                }
            }
        }
        assertThat(Files.readString(dataDir.resolve("logs/postgres.log")))
                .contains("violates")
                .doesNotContainIgnoringCase(canary);

        // Keys for the services' tokens.
        assertThat(dataDir.resolve("keys/jwt-private.pem")).content().startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(dataDir.resolve("keys/jwt-public.pem")).content().startsWith("-----BEGIN PUBLIC KEY-----");

        // What a restart must keep: a table, a record, Kafka's cluster id, the secrets and keys, and
        // PostgreSQL's cluster (initdb once).
        try (Connection connection = connectAs("scheduling")) {
            execute(connection, "CREATE TABLE kept (note text)");
            execute(connection, "INSERT INTO kept VALUES ('still here')");
        }
        assertThat(roundTrip(platform.kafkaBootstrapServers(), "kept-topic", "kept record"))
                .isEqualTo("kept record");
        String clusterId = Files.readString(dataDir.resolve("kafka/cluster.id"));
        String password = Files.readString(dataDir.resolve("secrets/scheduling.password"));
        String publicKey = Files.readString(dataDir.resolve("keys/jwt-public.pem"));
        long initdbStamp = Files.getLastModifiedTime(dataDir.resolve("postgres/PG_VERSION"))
                .toMillis();

        // Kafka stops and starts again on the same port with its data (the broker-outage proof's tool)
        assertThat(roundTrip(platform.kafkaBootstrapServers(), "outage-topic", "before the outage"))
                .isEqualTo("before the outage");
        long firstPid = platform.pids().get("kafka");

        platform.stopKafka();
        platform.stopKafka(); // a second stop is harmless

        assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(platform.pids()).doesNotContainKey("kafka");
        assertThat(KafkaProbe.brokers(KafkaConfig.HOST, platform.options().kafkaPort(), Duration.ofSeconds(1)))
                .isNegative();

        Duration ready = platform.startKafka();

        assertThat(ready).isPositive();
        assertThat(platform.pids().get("kafka")).isNotEqualTo(firstPid);
        // Read by assignment: a consumer group would first wait for the restarted coordinator.
        assertThat(TopicLog.read(platform.kafkaBootstrapServers(), List.of("outage-topic")))
                .singleElement()
                .extracting(TopicLog.Delivered::key)
                .isEqualTo("key");
        assertThatThrownBy(platform::startKafka)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("running");
        // The infrastructure-only platform runs no service to kill or restart.
        assertThatThrownBy(() -> platform.kill(ServiceSpec.INTAKE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("intake-service");
        assertThatThrownBy(() -> platform.restart(ServiceSpec.INTAKE)).isInstanceOf(IllegalArgumentException.class);

        pids = platform.pids();
        platform.stop();

        TestPlatforms.assertAllGone(pids, dataDir);
        assertThat(dataDir.resolve("run.pids")).doesNotExist();
        assertThat(console.toString()).contains("IOP Care stopped in");

        platform = LocalPlatform.start(options);

        try (Connection connection = connectAs("scheduling")) {
            assertThat(query(connection, "SELECT note FROM kept")).isEqualTo("still here");
        }
        assertThat(consumeFirst(platform.kafkaBootstrapServers(), "kept-topic")).isEqualTo("kept record");
        assertThat(Files.readString(dataDir.resolve("kafka/cluster.id"))).isEqualTo(clusterId);
        assertThat(Files.readString(dataDir.resolve("secrets/scheduling.password")))
                .isEqualTo(password);
        assertThat(Files.readString(dataDir.resolve("keys/jwt-public.pem"))).isEqualTo(publicKey);
        assertThat(Files.getLastModifiedTime(dataDir.resolve("postgres/PG_VERSION"))
                        .toMillis())
                .as("initdb ran only once")
                .isEqualTo(initdbStamp);
        platform.stop();

        // --fresh starts from an empty data folder
        platform = LocalPlatform.start(options.toBuilder().fresh(true).build());

        try (Connection connection = connectAs("scheduling")) {
            assertThat(query(connection, "SELECT count(*) FROM pg_tables WHERE tablename = 'kept'"))
                    .isEqualTo("0");
        }
        assertThat(Files.readString(dataDir.resolve("kafka/cluster.id"))).isNotEqualTo(clusterId);
        pids = platform.pids();
        platform.stop();
        TestPlatforms.assertAllGone(pids, dataDir);
    }

    @Test
    void namesAPortThatIsTaken() throws Exception {
        LocalOptions options = TestPlatforms.infrastructure(dataDir, console).build();
        try (java.net.ServerSocket taken =
                new java.net.ServerSocket(options.postgresPort(), 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalPlatform.start(options))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining(options.postgresPort() + " (PostgreSQL)");
        }
        assertThat(TestPlatforms.processesUsing(dataDir)).isEmpty();
    }

    private Connection connectAs(String role) throws Exception {
        String password = Files.readString(dataDir.resolve("secrets/" + role + ".password"))
                .strip();
        return DriverManager.getConnection(platform.jdbcUrl(), role, password);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static String roundTrip(String bootstrap, String topic, String value) throws Exception {
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get(30, TimeUnit.SECONDS);
        }
        return consumeFirst(bootstrap, topic);
    }

    private static String consumeFirst(String bootstrap, String topic) {
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + System.nanoTime());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return record.value();
                }
            }
        }
        throw new AssertionError("no record on " + topic + " within 30 s");
    }
}
