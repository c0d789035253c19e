package org.iopcare.scheduling.messaging;

import java.util.function.Consumer;
import org.iopcare.events.ClientDischarged;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.ClientTransferred;
import org.iopcare.scheduling.schedule.ScheduleEvents;
import org.iopcare.support.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds the {@code enrolled} ({@code enrolled-in-0}), {@code client-transferred} ({@code
 * clientTransferred-in-0}) and {@code discharged} ({@code discharged-in-0}) topics to the schedule use
 * cases. Poison records go straight to the dead-letter topic; retries and
 * the consumer group come from the shared defaults.
 */
@Configuration(proxyBeanMethods = false)
class EnrolledConsumer {

    @Bean
    Consumer<Message<byte[]>> enrolled(EventConsumers consumers, ScheduleEvents schedules) {
        return consumers.of(ClientEnrolled.class, schedules::onEnrolled);
    }

    @Bean
    Consumer<Message<byte[]>> clientTransferred(EventConsumers consumers, ScheduleEvents schedules) {
        return consumers.of(ClientTransferred.class, schedules::onTransferred);
    }

    @Bean
    Consumer<Message<byte[]>> discharged(EventConsumers consumers, ScheduleEvents schedules) {
        return consumers.of(ClientDischarged.class, schedules::onDischarged);
    }
}
