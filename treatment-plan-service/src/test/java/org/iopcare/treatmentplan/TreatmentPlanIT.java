package org.iopcare.treatmentplan;

import org.iopcare.testsupport.Infrastructure;
import org.iopcare.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** treatment-plan-service on a free port, on the test JVM's real Kafka broker and PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class TreatmentPlanIT {

    @LocalServerPort
    int port;

    protected TestHttp http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.register(registry, "treatment_plan");
    }

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }
}
