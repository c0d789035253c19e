package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iopcare.testports.TestPorts;

/**
 * Options for tests: a temporary data folder and reserved ports ({@link TestPorts}), so a developer's own
 * run is never touched.
 */
final class TestPlatforms {

    private TestPlatforms() {}

    static Path repoRoot() {
        return RepoRoot.search(Path.of("")).orElseThrow();
    }

    /** Kafka and PostgreSQL only, on reserved ports, printing into {@code console}. */
    static LocalOptions.Builder infrastructure(Path dataDir, ByteArrayOutputStream console) {
        int[] ports = TestPorts.reserve(3);
        return LocalOptions.builder(repoRoot())
                .dataDir(dataDir)
                .services(List.of())
                .kafkaPort(ports[0])
                .kafkaControllerPort(ports[1])
                .postgresPort(ports[2])
                .console(new PrintStream(console, true));
    }

    /**
     * intake-service on a reserved port with its public form's rate limit raised out of the way: the
     * proofs' load generators submit thousands of inquiries from one address.
     */
    static ServiceSpec intakeForLoad() {
        return ServiceSpec.INTAKE
                .withPort(TestPorts.reserve())
                .withEnvironment(Map.of("IOPCARE_INTAKE_RATELIMIT_REQUESTS", "10000000"));
    }

    /**
     * Copies the logs of a run (services, Kafka, PostgreSQL) to {@code target/proof-logs/<name>}: the
     * data folder is a temporary one, and a proof that failed in CI must leave its evidence behind.
     */
    static void keepLogs(Path dataDir, String name) {
        Path from = dataDir.resolve("logs");
        Path to = Path.of("target", "proof-logs", name);
        try (var files = java.nio.file.Files.list(from)) {
            java.nio.file.Files.createDirectories(to);
            for (Path log : files.toList()) {
                java.nio.file.Files.copy(
                        log, to.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.out.println("could not keep the logs of " + dataDir + ": " + e);
        }
    }

    /** What `ps` would show: every live process whose command line mentions the data folder. */
    static List<String> processesUsing(Path dataDir) {
        String marker = dataDir.toString();
        List<String> found = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .forEach(p -> {
                    Optional<String> line = p.info().commandLine();
                    if (line.isPresent() && line.get().contains(marker) && p.isAlive()) {
                        found.add(p.pid() + " " + line.get());
                    }
                });
        return found;
    }

    static void assertAllGone(Map<String, Long> pids, Path dataDir) {
        assertThat(pids).isNotEmpty();
        pids.forEach((component, pid) -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("%s (pid %d) after stop", component, pid)
                .isEmpty());
        assertThat(processesUsing(dataDir))
                .as("processes still using %s", dataDir)
                .isEmpty();
    }
}
