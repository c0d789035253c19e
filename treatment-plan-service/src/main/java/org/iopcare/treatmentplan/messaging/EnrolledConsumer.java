package org.iopcare.treatmentplan.messaging;

import java.util.function.Consumer;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.treatmentplan.plan.TreatmentPlans;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the {@code enrolled} topic ({@code enrolled-in-0}) to opening a draft plan. Retries, dead
 * letters and the consumer group come from the shared service defaults.
 */
@Configuration(proxyBeanMethods = false)
class EnrolledConsumer {

    @Bean
    Consumer<ClientEnrolled> enrolled(TreatmentPlans plans) {
        return plans::openDraft;
    }
}
