package org.iopcare.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
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
     * Points a service at the shared broker and at its own schema, owned by its own login role,
     * with a second login role to run as (both created on first use; see {@link #database}), and
     * makes it trust {@link TestTokens}.
     */
    public static void register(DynamicPropertyRegistry registry, String schema) {
        database(schema).forEach((name, value) -> registry.add(name, () -> value));
        String bootstrap = kafkaBootstrap();
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> bootstrap);
        WebSlices.trustTestTokens(registry);
        registry.add("server.port", () -> 0);
    }

    /**
     * The database settings of a service on {@code schema}, its roles and schema created on first
     * use: migrations run as the owner role ({@code schema}, password the same), the service as the
     * runtime role ({@code schema_app}, password the same), which gets its privileges on the tables
     * from the service at start.
     */
    public static Map<String, Object> database(String schema) {
        PostgresServer.Admin admin = postgres();
        createRolesAndSchema(admin, schema);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", admin.jdbcUrl());
        settings.put("iopcare.db.schema", schema);
        settings.put("spring.flyway.user", schema);
        settings.put("spring.flyway.password", schema);
        settings.put("spring.datasource.username", runtimeRole(schema));
        settings.put("spring.datasource.password", runtimeRole(schema));
        return settings;
    }

    /** The login role a service on {@code schema} runs as. */
    public static String runtimeRole(String schema) {
        return schema + "_app";
    }

    /**
     * A connection as the owner of {@code schema} (the role migrations run as), for tests that
     * need the owner's power: DDL, or changing what the runtime role may not.
     */
    public static Connection ownerConnection(String schema) throws SQLException {
        PostgresServer.Admin admin = postgres();
        createRolesAndSchema(admin, schema);
        Connection c = DriverManager.getConnection(admin.jdbcUrl(), schema, schema);
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path = " + schema);
        }
        return c;
    }

    /** A connection as the runtime role of {@code schema}, the role the service itself uses. */
    public static Connection runtimeConnection(String schema) throws SQLException {
        PostgresServer.Admin admin = postgres();
        createRolesAndSchema(admin, schema);
        return DriverManager.getConnection(admin.jdbcUrl(), runtimeRole(schema), runtimeRole(schema));
    }

    /** An administrator connection, for tests that inspect a schema directly. */
    public static Connection adminConnection() throws SQLException {
        PostgresServer.Admin admin = postgres();
        return DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
    }

    private static synchronized void createRolesAndSchema(PostgresServer.Admin admin, String schema) {
        if (!schema.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Schema names are lower-case words: " + schema);
        }
        if (schemas.contains(schema)) {
            return;
        }
        String runtime = runtimeRole(schema);
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                Statement s = c.createStatement()) {
            for (String role : new String[] {schema, runtime}) {
                s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                        + "') THEN CREATE ROLE " + role + " LOGIN PASSWORD '" + role + "'; END IF; END $$");
                s.execute("REVOKE ALL ON SCHEMA public FROM " + role);
            }
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + schema);
            s.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + runtime);
            s.execute("ALTER ROLE " + runtime + " SET search_path = " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare schema " + schema, e);
        }
        schemas.add(schema);
    }
}
