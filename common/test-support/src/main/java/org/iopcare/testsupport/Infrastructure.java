package org.iopcare.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real Kafka and PostgreSQL for integration tests, one of each per test JVM, on free ports.
 * When neither an external server, Docker nor the embedded binaries can start, the test fails
 * here with the reason: integration tests never skip for want of infrastructure.
 */
public final class Infrastructure {

    private static String kafka;
    private static PostgresServer.Admin postgres;
    private static final Set<String> schemas = new HashSet<>();

    private Infrastructure() {}

    public static synchronized String kafkaBootstrap() {
        if (kafka == null) {
            try {
                kafka = KafkaServer.start();
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalStateException(
                        "No Kafka broker for integration tests: set " + KafkaServer.EXTERNAL
                                + ", or provide Docker, or let the embedded KRaft broker start",
                        e);
            }
        }
        return kafka;
    }

    static synchronized PostgresServer.Admin postgres() {
        if (postgres == null) {
            try {
                postgres = PostgresServer.start();
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalStateException(
                        "No PostgreSQL for integration tests: set " + PostgresServer.EXTERNAL_URL
                                + ", or provide Docker, or let the embedded binaries start",
                        e);
            }
        }
        return postgres;
    }

    /**
     * Points a service at the shared broker and at its own schema, owned by its own login role
     * (created on first use), and makes it trust {@link TestTokens}.
     */
    public static void register(DynamicPropertyRegistry registry, String schema) {
        PostgresServer.Admin admin = postgres();
        createRoleAndSchema(admin, schema);
        String bootstrap = kafkaBootstrap();
        registry.add("spring.datasource.url", admin::jdbcUrl);
        registry.add("spring.datasource.username", () -> schema);
        registry.add("spring.datasource.password", () -> schema);
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> bootstrap);
        registry.add("iopcare.security.jwt.public-key-location", TestTokens::publicKeyLocation);
        registry.add("iopcare.security.jwt.audience", () -> TestTokens.AUDIENCE);
        registry.add("server.port", () -> 0);
    }

    /** An administrator connection, for tests that inspect a schema directly. */
    public static Connection adminConnection() throws SQLException {
        PostgresServer.Admin admin = postgres();
        return DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
    }

    private static synchronized void createRoleAndSchema(PostgresServer.Admin admin, String schema) {
        if (!schema.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Schema names are lower-case words: " + schema);
        }
        if (schemas.contains(schema)) {
            return;
        }
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + schema
                    + "') THEN CREATE ROLE " + schema + " LOGIN PASSWORD '" + schema + "'; END IF; END $$");
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + schema);
            s.execute("REVOKE ALL ON SCHEMA public FROM " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare schema " + schema, e);
        }
        schemas.add(schema);
    }
}
