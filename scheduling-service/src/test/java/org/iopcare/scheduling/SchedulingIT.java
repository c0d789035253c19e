package org.iopcare.scheduling;

import org.iopcare.testsupport.Infrastructure;
import org.iopcare.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
    }

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }
}
