package org.iopcare.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local Kafka node, run from the broker jars in {@code deploy/local/target/kafka-libs} as a
 * process of its own (not in the launcher JVM: the broker brings Scala, Jackson 2 and a log4j2
 * configuration of its own).
 */
final class KafkaBroker {

    static final String COMPONENT = "kafka";

    /** Small and quick to start: a local broker carries little traffic. */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m",
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true");

    private final KafkaConfig config;
    private final DataFolder folder;
    private final Path libs;
    private final Path java;
    private final Path serverProperties;
    private final Path log4j2Properties;
    private final Path log;
    private final Path consoleLog;
    private Process process;

    KafkaBroker(LocalOptions options, DataFolder folder) {
        this.folder = folder;
        this.libs = options.kafkaLibs();
        this.java = options.java();
        this.log = folder.log(COMPONENT);
        this.consoleLog = folder.log(COMPONENT + "-console");
        this.config = new KafkaConfig(options.kafkaPort(), options.kafkaControllerPort(), folder.kafkaData(), log);
        this.serverProperties = folder.kafka().resolve("server.properties");
        this.log4j2Properties = folder.kafka().resolve("log4j2.properties");
    }

    String bootstrapServers() {
        return config.bootstrapServers();
    }

    Path log() {
        return log;
    }

    /** Writes the configuration, formats the storage on the first run and starts the broker process. */
    Process start() {
        if (!hasKafkaJar()) {
            throw new StartupException("The Kafka broker jars are missing from " + libs
                    + "; build the launcher first: ./mvnw -q -f deploy/local/pom.xml package -DskipTests");
        }
        try {
            Files.createDirectories(folder.kafkaData());
            Files.writeString(serverProperties, config.serverProperties());
            Files.writeString(log4j2Properties, config.log4j2Properties());
            formatIfNeeded();
            List<String> command = new ArrayList<>(javaCommand());
            command.add("kafka.Kafka");
            command.add(serverProperties.toString());
            process = DetachedProcess.start(command, Map.of(), folder.kafka(), consoleLog);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Kafka", e);
        }
    }

    /** Waits until the broker answers Metadata with itself in it. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StartupException(
                        "Kafka exited with code " + process.exitValue() + " while starting; the end of " + log + ":\n"
                                + LogTail.of(log, LogTail.LINES) + "\n" + LogTail.of(consoleLog, 10));
            }
            if (KafkaProbe.brokers(KafkaConfig.HOST, portOf(config.bootstrapServers()), Duration.ofSeconds(2)) > 0) {
                return;
            }
            sleep(100);
        }
        throw new StartupException("Kafka was not ready within " + timeout.toSeconds() + " s; the end of " + log + ":\n"
                + LogTail.of(log, LogTail.LINES));
    }

    boolean stop(Duration grace) {
        return process == null || ProcessStopper.stop(process.toHandle(), grace);
    }

    /**
     * {@code StorageTool format} on the first start only; the cluster id is kept beside the data so a
     * half-finished format is redone with the same id.
     */
    private void formatIfNeeded() throws IOException {
        if (Files.isRegularFile(folder.kafkaData().resolve("meta.properties"))) {
            return;
        }
        Path idFile = folder.kafka().resolve("cluster.id");
        String clusterId =
                Files.isRegularFile(idFile) ? Files.readString(idFile).strip() : "";
        if (clusterId.isEmpty()) {
            clusterId = runTool(List.of("random-uuid")).strip();
            if (!clusterId.matches("[A-Za-z0-9_-]{22}")) {
                throw new StartupException("kafka.tools.StorageTool random-uuid printed no cluster id: " + clusterId);
            }
            Files.writeString(idFile, clusterId + "\n");
        }
        runTool(List.of("format", "-t", clusterId, "-c", serverProperties.toString(), "--ignore-formatted"));
    }

    private String runTool(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(javaCommand());
        command.add("kafka.tools.StorageTool");
        command.addAll(arguments);
        Process tool = new ProcessBuilder(command)
                .directory(folder.kafka().toFile())
                .redirectErrorStream(true)
                .start();
        byte[] output = tool.getInputStream().readAllBytes();
        try {
            if (!tool.waitFor(120, TimeUnit.SECONDS)) {
                tool.destroyForcibly();
                throw new StartupException("kafka.tools.StorageTool " + arguments.get(0) + " did not finish");
            }
        } catch (InterruptedException e) {
            tool.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while formatting Kafka's storage");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (tool.exitValue() != 0) {
            throw new StartupException("kafka.tools.StorageTool " + String.join(" ", arguments) + " failed (exit "
                    + tool.exitValue() + "):\n" + text);
        }
        return text;
    }

    private List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dlog4j2.configurationFile=" + log4j2Properties.toUri());
        command.add("-Dkafka.logs.dir=" + folder.logs());
        command.add("-cp");
        // The JVM expands a trailing "*" to every jar in the directory itself.
        command.add(libs.toAbsolutePath() + File.separator + "*");
        return command;
    }

    private boolean hasKafkaJar() {
        try (var files = Files.list(libs)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            return false;
        }
    }

    private static int portOf(String hostAndPort) {
        return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while waiting for Kafka");
        }
    }
}
