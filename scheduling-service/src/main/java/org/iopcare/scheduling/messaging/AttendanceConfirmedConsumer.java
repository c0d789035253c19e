package org.iopcare.scheduling.messaging;

import java.util.function.Consumer;
import org.iopcare.events.AttendanceConfirmed;
import org.iopcare.scheduling.attendance.Confirmations;
import org.iopcare.support.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds {@code attendance-confirmed} ({@code attendanceConfirmed-in-0}) to the confirmation use case. */
@Configuration(proxyBeanMethods = false)
class AttendanceConfirmedConsumer {

    @Bean
    Consumer<Message<byte[]>> attendanceConfirmed(EventConsumers consumers, Confirmations confirmations) {
        return consumers.of(AttendanceConfirmed.class, confirmations::onConfirmed);
    }
}
