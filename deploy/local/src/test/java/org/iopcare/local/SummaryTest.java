package org.iopcare.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {

    @TempDir
    Path dataDir;

    @Test
    void theStaffConsoleIsTheFirstAddressShownAndTheServicesFollow() {
        String summary = Summary.of(platform(LocalOptions.builder(Path.of("/repo"))
                .dataDir(dataDir)
                .listenAll(false)
                .build()));

        assertThat(summary)
                .contains("Staff console: http://127.0.0.1:8080 \u2014 sign in as any of the listed staff")
                .contains("Swagger UI: http://localhost:8081/swagger-ui.html")
                .contains("Swagger UI: http://localhost:8084/swagger-ui.html")
                .doesNotContain("staff-console    ");
        assertThat(summary.indexOf("Staff console:"))
                .isLessThan(summary.indexOf("intake "))
                .isLessThan(summary.indexOf("Kafka bootstrap"));
    }

    @Test
    void everyInstanceIsListedWithItsAddress() {
        String summary = Summary.of(platform(LocalOptions.builder(Path.of("/repo"))
                .dataDir(dataDir)
                .listenAll(false)
                .instances(Map.of("intake", 2))
                .build()));

        assertThat(summary)
                .contains("  intake           http://localhost:8081")
                .contains(
                        "  intake-2         http://localhost:8181    Swagger UI: http://localhost:8181/swagger-ui.html")
                .doesNotContain("scheduling-2")
                .contains("Staff console: http://127.0.0.1:8080 ");
    }

    @Test
    void theConsoleShownIsTheOneOfThisRun() {
        String summary = Summary.of(platform(LocalOptions.builder(Path.of("/repo"))
                .dataDir(dataDir)
                .listenAll(false)
                .services(List.of(ServiceSpec.INTAKE.withPort(18081), ServiceSpec.STAFF_CONSOLE.withPort(18080)))
                .build()));

        assertThat(summary).contains("Staff console: http://127.0.0.1:18080 ").doesNotContain(":8080");
    }

    @Test
    void infrastructureOnlyListsTheDatabaseRolesOfTheServicesAndNoConsole() {
        String summary = Summary.of(platform(LocalOptions.builder(Path.of("/repo"))
                .dataDir(dataDir)
                .listenAll(false)
                .services(List.of())
                .build()));

        assertThat(summary)
                .doesNotContain("Staff console")
                .contains("intake-service         SPRING_DATASOURCE_USERNAME=intake_app")
                .contains("notification-service   SPRING_DATASOURCE_USERNAME=notification_app");
    }

    private RunningPlatform platform(LocalOptions options) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        DataFolder folder = new DataFolder(options.dataDir());
        return new RunningPlatform(
                options, folder, new PidFile(folder.pidFile()), new Progress(quiet, System.nanoTime()), 0);
    }
}
