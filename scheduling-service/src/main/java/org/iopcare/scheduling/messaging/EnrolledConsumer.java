package org.iopcare.scheduling.messaging;

import java.util.function.Consumer;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.scheduling.enrollment.ClientEnrollments;
import org.iopcare.support.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds the {@code enrolled} topic ({@code enrolled-in-0}) to the enrollment use case. Poison records go
 * straight to the dead-letter topic; retries and the consumer group come from the shared defaults.
 */
@Configuration(proxyBeanMethods = false)
class EnrolledConsumer {

    @Bean
    Consumer<Message<byte[]>> enrolled(EventConsumers consumers, ClientEnrollments enrollments) {
        return consumers.of(ClientEnrolled.class, enrollments::record);
    }
}
