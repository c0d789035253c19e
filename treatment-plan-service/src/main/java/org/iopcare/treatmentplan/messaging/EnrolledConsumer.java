package org.iopcare.treatmentplan.messaging;

import java.util.function.Consumer;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.support.messaging.EventConsumers;
import org.iopcare.treatmentplan.plan.TreatmentPlans;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds the {@code enrolled} topic ({@code enrolled-in-0}) to opening a draft plan. Poison records go
 * straight to the dead-letter topic; retries and the consumer group come from the shared defaults.
 */
@Configuration(proxyBeanMethods = false)
class EnrolledConsumer {

    @Bean
    Consumer<Message<byte[]>> enrolled(EventConsumers consumers, TreatmentPlans plans) {
        return consumers.of(ClientEnrolled.class, plans::openDraft);
    }
}
