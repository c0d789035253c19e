package org.iopcare.notification.messaging;

import java.util.function.Consumer;
import org.iopcare.events.InquiryReceived;
import org.iopcare.notification.message.InquiryAcknowledgements;
import org.iopcare.support.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds {@code inquiry-received} (binding {@code inquiryReceived-in-0}) to its handler. */
@Configuration(proxyBeanMethods = false)
class InquiryReceivedConsumer {

    @Bean
    Consumer<Message<byte[]>> inquiryReceived(EventConsumers consumers, InquiryAcknowledgements acknowledgements) {
        return consumers.of(InquiryReceived.class, acknowledgements::on);
    }
}
