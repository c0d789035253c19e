package org.iopcare.treatmentplan.messaging;

import java.util.function.Consumer;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.EmergencyAccessGranted;
import org.iopcare.support.caseload.CareTeamProjection;
import org.iopcare.support.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds intake's {@code care-team-changed} ({@code careTeamChanged-in-0}) and {@code
 * emergency-access-granted} ({@code emergencyAccessGranted-in-0}) to this service's projection of
 * who may see which client's plan and assessments.
 */
@Configuration(proxyBeanMethods = false)
class CareTeamConsumers {

    @Bean
    Consumer<Message<byte[]>> careTeamChanged(EventConsumers consumers, CareTeamProjection projection) {
        return consumers.of(CareTeamChanged.class, projection::apply);
    }

    @Bean
    Consumer<Message<byte[]>> emergencyAccessGranted(EventConsumers consumers, CareTeamProjection projection) {
        return consumers.of(EmergencyAccessGranted.class, projection::grant);
    }
}
