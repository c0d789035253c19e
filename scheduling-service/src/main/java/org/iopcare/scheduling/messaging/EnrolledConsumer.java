package org.iopcare.scheduling.messaging;

import java.util.function.Consumer;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.scheduling.enrollment.ClientEnrollments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the {@code enrolled} topic ({@code enrolled-in-0}) to the enrollment use case. Retries, dead
 * letters and the consumer group come from the shared service defaults.
 */
@Configuration(proxyBeanMethods = false)
class EnrolledConsumer {

    @Bean
    Consumer<ClientEnrolled> enrolled(ClientEnrollments enrollments) {
        return enrollments::record;
    }
}
