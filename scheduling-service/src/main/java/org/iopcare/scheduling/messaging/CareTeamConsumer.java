package org.iopcare.scheduling.messaging;

import java.util.function.Consumer;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.EmergencyAccessGranted;
import org.iopcare.scheduling.schedule.ScheduleEvents;
import org.iopcare.support.caseload.CareTeamProjection;
import org.iopcare.support.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds {@code care-team-changed} ({@code careTeamChanged-in-0}) and {@code
 * emergency-access-granted} ({@code emergencyAccessGranted-in-0}) to scheduling's projection of
 * who may see which client: the caseload every client endpoint is answered from. A new primary
 * clinician also takes over the client's individual sessions and check-ins.
 */
@Configuration(proxyBeanMethods = false)
class CareTeamConsumer {

    @Bean
    Consumer<Message<byte[]>> careTeamChanged(EventConsumers consumers, ScheduleEvents schedules) {
        return consumers.of(CareTeamChanged.class, schedules::onCareTeamChanged);
    }

    @Bean
    Consumer<Message<byte[]>> emergencyAccessGranted(EventConsumers consumers, CareTeamProjection projection) {
        return consumers.of(EmergencyAccessGranted.class, projection::grant);
    }
}
