package org.iopcare.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.iopcare.postgres.PostgresPlatform;

/**
 * PostgreSQL 17 from zonky's embedded binaries (the machine's own, {@link PostgresPlatform}), started
 * from the launcher JVM with its cluster in the data folder, kept between runs. zonky runs initdb only
 * when the directory holds no cluster yet, and as root on Linux it runs initdb and pg_ctl under
 * {@code unshare -U} where that exists (PostgreSQL refuses to run as root); elsewhere it runs them
 * directly.
 */
final class LocalPostgres {

    static final String COMPONENT = "postgres";
    static final String DATABASE = "iopcare";
    static final String SUPERUSER = "postgres";

    private final Path dataDir;
    private final int port;
    private final Path log;
    private EmbeddedPostgres postgres;

    LocalPostgres(LocalOptions options, DataFolder folder) {
        this.dataDir = folder.postgres();
        this.port = options.postgresPort();
        this.log = folder.log(COMPONENT);
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + KafkaConfig.HOST + ":" + port + "/" + database;
    }

    void start() {
        discardUnfinishedCluster();
        try {
            PostgresPlatform platform = PostgresPlatform.current();
            EmbeddedPostgres.Builder builder =
                    EmbeddedPostgres.builder().setPgBinaryResolver((system, hardware) -> platform.open());
            PostgresLogSettings.SERVER.forEach(builder::setServerConfig);
            postgres = builder.setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // The launcher stops PostgreSQL itself, after the services; zonky's own hook would
                    // race them.
                    .setRegisterShutdownHook(false)
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("listen_addresses", KafkaConfig.HOST)
                    // Four services with a pool each, plus a developer's psql.
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setDataDirectoryCustomizer(LocalPostgres::writeHostBasedAuthentication)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile()))
                    .start();
        } catch (UnsupportedOperationException e) {
            throw new StartupException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new StartupException(
                    "PostgreSQL did not start: " + e.getMessage() + "\nThe end of " + log + ":\n"
                            + LogTail.of(log, LogTail.LINES),
                    e);
        }
    }

    /** The postmaster's pid, from its pid file (zonky does not expose it). */
    Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** pg_ctl stop -m fast: sessions are rolled back, a checkpoint is written, nothing is lost. */
    boolean stop(Duration grace) {
        if (postgres == null) {
            return true;
        }
        Optional<ProcessHandle> postmaster = postmaster();
        try {
            postgres.close();
        } catch (IOException e) {
            // checked below: if it still runs it is stopped by signal
        }
        postgres = null;
        return postmaster.map(p -> ProcessStopper.stopPostgres(p, grace)).orElse(true);
    }

    /**
     * initdb refuses a non-empty directory, and zonky decides on "postgresql.conf exists": a directory
     * left by an interrupted initdb would fail every later start, so it is cleared.
     */
    private void discardUnfinishedCluster() {
        if (Files.isDirectory(dataDir) && !Files.isRegularFile(dataDir.resolve("postgresql.conf"))) {
            new DataFolder(dataDir).delete();
        }
        try {
            Files.createDirectories(dataDir.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Passwords count: the service roles log in with scram-sha-256, as they would anywhere else. The
     * superuser is trusted on the loopback interface only, for the launcher and a developer's psql.
     */
    private static void writeHostBasedAuthentication(File dataDirectory) {
        String hba = String.join(
                "\n",
                "# Written by the IOP Care launcher on every start; edits are overwritten.",
                "# TYPE  DATABASE  USER      ADDRESS       METHOD",
                "local   all       postgres                trust",
                "host    all       postgres  127.0.0.1/32  trust",
                "host    all       postgres  ::1/128       trust",
                "host    all       all       127.0.0.1/32  scram-sha-256",
                "host    all       all       ::1/128       scram-sha-256",
                "");
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), hba);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pg_hba.conf", e);
        }
    }

    private File logFile() {
        return log.toFile();
    }
}
