package org.iopcare.local;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the outbox proofs share: Kafka, PostgreSQL and intake-service as real processes in a
 * temporary data folder, intake's rate limit out of the way, and the processes' logs kept in
 * {@code target/proof-logs/<proof>} after the run.
 */
abstract class IntakeProof {

    @TempDir
    Path dataDir;

    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    RunningPlatform platform;

    /** Starts the infrastructure and intake; the proof's load goes to {@link #intake()}. */
    ServiceSpec startIntake() {
        ServiceSpec intake = TestPlatforms.intakeForLoad();
        platform = LocalPlatform.start(TestPlatforms.infrastructure(dataDir, console)
                .services(List.of(intake))
                .classDataSharing(false)
                .build());
        return intake;
    }

    @AfterEach
    void stopAndKeepLogs() {
        if (platform != null) {
            platform.stop();
        }
        TestPlatforms.keepLogs(dataDir, getClass().getSimpleName());
        System.out.println(console);
    }
}
