package org.iopcare.notification.messaging;

import java.util.function.Consumer;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.EmergencyAccessGranted;
import org.iopcare.notification.caseload.EmergencyAccessAlerts;
import org.iopcare.support.caseload.CareTeamProjection;
import org.iopcare.support.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The caseload projection's topics (bindings {@code careTeamChanged-in-0},
 * {@code emergencyAccessGranted-in-0}): who sees which client's messages and replies.
 */
@Configuration(proxyBeanMethods = false)
class CaseloadConsumers {

    @Bean
    Consumer<Message<byte[]>> careTeamChanged(EventConsumers consumers, CareTeamProjection projection) {
        return consumers.of(CareTeamChanged.class, projection::apply);
    }

    /** The grant, and the supervisors' alert in the same transaction. */
    @Bean
    Consumer<Message<byte[]>> emergencyAccessGranted(EventConsumers consumers, EmergencyAccessAlerts alerts) {
        return consumers.of(EmergencyAccessGranted.class, alerts::on);
    }
}
