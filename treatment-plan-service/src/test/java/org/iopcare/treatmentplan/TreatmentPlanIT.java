package org.iopcare.treatmentplan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Stream;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.testsupport.Infrastructure;
import org.iopcare.testsupport.TestHttp;
import org.iopcare.testsupport.TestKafka;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** treatment-plan-service on a free port, on the test JVM's real Kafka broker and PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class TreatmentPlanIT {

    /** The staff subject whose notes and plan versions need a supervisor's co-signature in the tests. */
    protected static final String COSIGNED_COUNSELLOR = "counsellor-cal";

    @LocalServerPort
    int port;

    protected TestHttp http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.register(registry, "treatment_plan");
        registry.add("iopcare.plans.cosignature.staff", () -> COSIGNED_COUNSELLOR);
    }

    /** Today in the clinic's time zone (iopcare.plans.time-zone, the default America/New_York). */
    public static LocalDate clinicToday() {
        return LocalDate.now(ZoneId.of("America/New_York"));
    }

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    /** The client's care team as intake announces it: the primary clinician first, then the others. */
    public static CareTeamChanged careTeam(UUID client, String primary, String... others) {
        return new CareTeamChanged(
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                client,
                primary,
                Stream.concat(Stream.of(primary), Stream.of(others)).toList());
    }

    /**
     * Publishes the client's care team on {@code care-team-changed}, as intake does at enrollment:
     * the primary clinician and {@code staff-test}, the subject of {@code TestTokens.bearer}.
     */
    public static void putTestStaffOnTheTeam(UUID client, String primary) {
        TestKafka.publish(careTeam(client, primary, "staff-test"));
    }
}
