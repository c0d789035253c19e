package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.iopcare.testports.TestPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as {@code run-local.sh} runs it, in a JVM of its own: stopped from "another terminal"
 * through its pid file, and cleaned up after when it was killed outright.
 */
class StopFromAnotherProcessTest {

    @TempDir
    Path dataDir;

    private Process launcher;
    private RunningPlatform platform;

    @AfterEach
    void cleanUp() {
        if (platform != null) {
            platform.stop();
        }
        if (launcher != null && launcher.isAlive()) {
            launcher.destroyForcibly();
        }
        LocalPlatform.stop(dataDir, new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void stopTerminatesARunStartedElsewhereInOrderAndLeavesNoProcess() throws Exception {
        Path output = dataDir.resolveSibling(dataDir.getFileName() + "-launcher.out");
        launcher = startLauncher(output);
        awaitUp(output);
        Map<String, Long> pids = pidsFromFile();
        assertThat(pids).containsKeys(PidFile.LAUNCHER, "kafka", "postgres");
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        boolean stopped = LocalPlatform.stop(dataDir, new PrintStream(console, true));

        assertThat(stopped).isTrue();
        assertThat(console.toString()).contains("Stopping the local run");
        assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // The launcher stopped its children itself, in order, and said so.
        assertThat(Files.readString(output)).contains("Stopping IOP Care", "IOP Care stopped in");
        TestPlatforms.assertAllGone(pids, dataDir);
        assertThat(dataDir.resolve("run.pids")).doesNotExist();
        assertThat(LocalPlatform.stop(dataDir, new PrintStream(new ByteArrayOutputStream())))
                .isFalse();
    }

    @Test
    void aStartFirstStopsWhatAKilledRunLeftBehind() throws Exception {
        Path output = dataDir.resolveSibling(dataDir.getFileName() + "-launcher.out");
        launcher = startLauncher(output);
        awaitUp(output);
        Map<String, Long> orphans = pidsFromFile();
        orphans.remove(PidFile.LAUNCHER);

        launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        // kill -9 gives the launcher no chance to stop anything: Kafka and PostgreSQL run on.
        orphans.values()
                .forEach(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                        .contains(true));

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LocalOptions options = TestPlatforms.infrastructure(dataDir, console)
                .kafkaPort(portArgument("--kafka-port"))
                .kafkaControllerPort(portArgument("--kafka-controller-port"))
                .postgresPort(portArgument("--postgres-port"))
                .build();
        platform = LocalPlatform.start(options);

        assertThat(console.toString()).contains("An earlier run is still running");
        orphans.values()
                .forEach(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                        .isEmpty());
        Map<String, Long> pids = platform.pids();
        platform.stop();
        TestPlatforms.assertAllGone(pids, dataDir);
    }

    private int[] ports;

    private int portArgument(String name) {
        return switch (name) {
            case "--kafka-port" -> ports[0];
            case "--kafka-controller-port" -> ports[1];
            default -> ports[2];
        };
    }

    private Process startLauncher(Path output) throws Exception {
        ports = TestPorts.reserve(3);
        Path repo = TestPlatforms.repoRoot();
        Path target = repo.resolve("deploy/local/target");
        List<String> command = new ArrayList<>(List.of(
                LocalOptions.currentJava().toString(),
                "-cp",
                target.resolve("classes") + File.pathSeparator + target.resolve("lib") + File.separator + "*",
                "-Diopcare.home=" + repo,
                "org.iopcare.local.LocalPlatform",
                "--infra-only",
                "--data-dir",
                dataDir.toString(),
                "--kafka-port",
                Integer.toString(ports[0]),
                "--kafka-controller-port",
                Integer.toString(ports[1]),
                "--postgres-port",
                Integer.toString(ports[2])));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    private void awaitUp(Path output) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .failFast("the launcher exited", () -> !launcher.isAlive())
                .until(() -> Files.exists(output) && Files.readString(output).contains("IOP Care is up in"));
    }

    private Map<String, Long> pidsFromFile() {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        new PidFile(dataDir.resolve("run.pids")).read().forEach(e -> pids.put(e.component(), e.pid()));
        return pids;
    }
}
