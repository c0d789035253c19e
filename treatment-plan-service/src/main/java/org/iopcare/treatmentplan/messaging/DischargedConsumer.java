package org.iopcare.treatmentplan.messaging;

import java.util.function.Consumer;
import org.iopcare.events.ClientDischarged;
import org.iopcare.support.messaging.EventConsumers;
import org.iopcare.treatmentplan.note.DischargeSummaries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds {@code discharged} ({@code discharged-in-0}) to closing the client's plan and drafting its discharge summary. */
@Configuration(proxyBeanMethods = false)
class DischargedConsumer {

    @Bean
    Consumer<Message<byte[]>> discharged(EventConsumers consumers, DischargeSummaries summaries) {
        return consumers.of(ClientDischarged.class, summaries::discharged);
    }
}
