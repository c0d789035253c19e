package org.iopcare.notification.messaging;

import java.util.function.Consumer;
import org.iopcare.events.ClientDischarged;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.ClientUpdated;
import org.iopcare.events.PlanUpdated;
import org.iopcare.events.ScreeningCompleted;
import org.iopcare.events.SessionCancelled;
import org.iopcare.events.SessionMissed;
import org.iopcare.events.SessionRescheduled;
import org.iopcare.events.SessionScheduled;
import org.iopcare.notification.projection.Enrollments;
import org.iopcare.notification.projection.PlanEvents;
import org.iopcare.notification.projection.SessionEvents;
import org.iopcare.support.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** One consumer per topic the projection is built from (bindings {@code <name>-in-0}). */
@Configuration(proxyBeanMethods = false)
class ProjectionConsumers {

    @Bean
    Consumer<Message<byte[]>> enrolled(EventConsumers consumers, Enrollments handler) {
        return consumers.of(ClientEnrolled.class, handler::on);
    }

    @Bean
    Consumer<Message<byte[]>> clientUpdated(EventConsumers consumers, Enrollments handler) {
        return consumers.of(ClientUpdated.class, handler::on);
    }

    @Bean
    Consumer<Message<byte[]>> discharged(EventConsumers consumers, Enrollments handler) {
        return consumers.of(ClientDischarged.class, handler::on);
    }

    @Bean
    Consumer<Message<byte[]>> sessionScheduled(EventConsumers consumers, SessionEvents handler) {
        return consumers.of(SessionScheduled.class, handler::on);
    }

    @Bean
    Consumer<Message<byte[]>> sessionCancelled(EventConsumers consumers, SessionEvents handler) {
        return consumers.of(SessionCancelled.class, handler::on);
    }

    @Bean
    Consumer<Message<byte[]>> sessionRescheduled(EventConsumers consumers, SessionEvents handler) {
        return consumers.of(SessionRescheduled.class, handler::on);
    }

    @Bean
    Consumer<Message<byte[]>> sessionMissed(EventConsumers consumers, SessionEvents handler) {
        return consumers.of(SessionMissed.class, handler::on);
    }

    @Bean
    Consumer<Message<byte[]>> planUpdated(EventConsumers consumers, PlanEvents handler) {
        return consumers.of(PlanUpdated.class, handler::on);
    }

    @Bean
    Consumer<Message<byte[]>> screeningCompleted(EventConsumers consumers, PlanEvents handler) {
        return consumers.of(ScreeningCompleted.class, handler::on);
    }
}
