package org.iopcare.notification.messaging;

import java.util.function.Consumer;
import org.iopcare.events.StaffAlerted;
import org.iopcare.notification.work.StaffAlerts;
import org.iopcare.support.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Every service's work-item escalations (binding {@code staffAlerted-in-0}): the staff alert emails. */
@Configuration(proxyBeanMethods = false)
class WorkItemConsumers {

    @Bean
    Consumer<Message<byte[]>> staffAlerted(EventConsumers consumers, StaffAlerts alerts) {
        return consumers.of(StaffAlerted.class, alerts::on);
    }
}
