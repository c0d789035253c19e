package org.iopcare.notification.messaging;

import java.util.function.Consumer;
import org.iopcare.events.InquiryReceived;
import org.iopcare.notification.message.InquiryAcknowledgements;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code inquiry-received} (binding {@code inquiryReceived-in-0}) to its handler. */
@Configuration(proxyBeanMethods = false)
class InquiryReceivedConsumer {

    @Bean
    Consumer<InquiryReceived> inquiryReceived(InquiryAcknowledgements acknowledgements) {
        return acknowledgements::on;
    }
}
