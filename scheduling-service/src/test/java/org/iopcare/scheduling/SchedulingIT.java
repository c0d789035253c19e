package org.iopcare.scheduling;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.iopcare.testsupport.Infrastructure;
import org.iopcare.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** scheduling-service on a free port, on the test JVM's real Kafka broker and PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SchedulingIT {

    @LocalServerPort
    int port;

    protected TestHttp http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.register(registry, "scheduling");
        // the clinicians of the local run, as the local profile adds them
        registry.add("spring.flyway.locations", () -> "classpath:db/migration,classpath:db/local");
    }

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    /** An individual session of the client with the clinician, in New York, inserted as planned. */
    public static UUID individualSession(
            JdbcTemplate jdbc, UUID client, String clinician, Instant startsAt, Instant endsAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO client_session (id, client_id, kind, clinician_id, starts_at, ends_at, time_zone, modality,
                                            status, created_at)
                VALUES (?, ?, 'INDIVIDUAL_THERAPY', ?, ?, ?, 'America/New_York', 'IN_PERSON', 'SCHEDULED', now())
                """, id, client, clinician, Timestamp.from(startsAt), Timestamp.from(endsAt));
        return id;
    }
}
