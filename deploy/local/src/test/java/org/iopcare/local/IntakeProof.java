package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the outbox proofs share: Kafka, PostgreSQL and intake-service as real processes in a
 * temporary data folder, intake's rate limit out of the way, and the processes' logs kept in
 * {@code target/proof-logs/<proof>} after the run; stopping the platform must leave none of its
 * processes behind.
 */
abstract class IntakeProof {

    @TempDir
    Path dataDir;

    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    RunningPlatform platform;

    /** Starts the infrastructure and intake; the proof's load goes to intake. */
    ServiceSpec startIntake() {
        ServiceSpec intake = TestPlatforms.intakeForLoad();
        platform = LocalPlatform.start(TestPlatforms.infrastructure(dataDir, console)
                .services(List.of(intake))
                .classDataSharing(false)
                .build());
        return intake;
    }

    /** Stops the platform, keeps the logs and checks that no process of the run is left. */
    @AfterEach
    void stopAndKeepLogs() {
        Map<String, Long> pids = platform == null ? Map.of() : platform.pids();
        if (platform != null) {
            platform.stop();
        }
        TestPlatforms.keepLogs(dataDir, getClass().getSimpleName());
        System.out.println(console);
        if (platform != null) {
            assertThat(pids).containsKeys("kafka", "postgres", "intake-service");
            TestPlatforms.assertAllGone(pids, dataDir);
        }
    }
}
