package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    private Process sleeper;

    @AfterEach
    void killSleeper() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void recordsComponentsWithPidAndStartTime() throws Exception {
        PidFile pids = new PidFile(dir.resolve("run.pids"));
        sleeper = sleep();

        pids.record("kafka", sleeper.toHandle());
        pids.record(PidFile.LAUNCHER, ProcessHandle.current());

        assertThat(pids.read())
                .extracting(PidFile.Entry::component, PidFile.Entry::pid)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("kafka", sleeper.pid()),
                        org.assertj.core.groups.Tuple.tuple(
                                PidFile.LAUNCHER, ProcessHandle.current().pid()));
        assertThat(pids.read().get(0).startMillis()).isPositive();
        assertThat(pids.live()).hasSize(2);

        pids.forget("kafka");
        assertThat(pids.read()).extracting(PidFile.Entry::component).containsExactly(PidFile.LAUNCHER);
    }

    @Test
    void aDeadProcessIsNotLive() throws Exception {
        PidFile pids = new PidFile(dir.resolve("run.pids"));
        sleeper = sleep();
        pids.record("kafka", sleeper.toHandle());

        sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        assertThat(pids.read()).hasSize(1);
        assertThat(pids.live()).isEmpty();
    }

    @Test
    void aRecycledPidIsNotTheRecordedProcess() throws Exception {
        sleeper = sleep();
        long realStart = sleeper.toHandle().info().startInstant().orElseThrow().toEpochMilli();
        Files.writeString(dir.resolve("run.pids"), "kafka " + sleeper.pid() + " " + (realStart - 3_600_000) + "\n");

        assertThat(new PidFile(dir.resolve("run.pids")).live()).isEmpty();
    }

    @Test
    void ignoresLinesItDidNotWrite() throws Exception {
        Files.writeString(dir.resolve("run.pids"), "# comment\n\nnonsense\nkafka notapid 1\nkafka 42\n");

        assertThat(new PidFile(dir.resolve("run.pids")).read())
                .extracting(PidFile.Entry::pid)
                .containsExactly(42L);
    }

    @Test
    void stoppingFromThePidFileStopsTheRecordedProcessesAndRemovesTheFile() throws Exception {
        PidFile pids = new PidFile(dir.resolve("run.pids"));
        sleeper = sleep();
        pids.record("intake-service", sleeper.toHandle());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        boolean stopped = LocalPlatform.stopRecorded(pids, new PrintStream(out, true), "Stopping");

        assertThat(stopped).isTrue();
        // the process has ended; this JVM, its parent, may take a moment to reap it
        assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve("run.pids")).doesNotExist();
        assertThat(out.toString()).contains("Stopping (intake-service " + sleeper.pid() + ")");
    }

    @Test
    void nothingToStopWhenNothingIsRecordedOrAlive() {
        PidFile pids = new PidFile(dir.resolve("run.pids"));

        assertThat(LocalPlatform.stopRecorded(pids, new PrintStream(new ByteArrayOutputStream()), "Stopping"))
                .isFalse();
    }

    private static Process sleep() throws Exception {
        return new ProcessBuilder("sleep", "300").start();
    }
}
