package org.iopcare.treatmentplan.messaging;

import java.util.function.Consumer;
import org.iopcare.events.SessionCancelled;
import org.iopcare.events.SessionScheduled;
import org.iopcare.support.messaging.EventConsumers;
import org.iopcare.treatmentplan.note.ClientSessions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds scheduling's {@code session-scheduled} ({@code sessionScheduled-in-0}) and {@code
 * session-cancelled} ({@code sessionCancelled-in-0}) to the sessions notes are written for.
 */
@Configuration(proxyBeanMethods = false)
class SessionConsumers {

    @Bean
    Consumer<Message<byte[]>> sessionScheduled(EventConsumers consumers, ClientSessions sessions) {
        return consumers.of(SessionScheduled.class, sessions::scheduled);
    }

    @Bean
    Consumer<Message<byte[]>> sessionCancelled(EventConsumers consumers, ClientSessions sessions) {
        return consumers.of(SessionCancelled.class, sessions::cancelled);
    }
}
