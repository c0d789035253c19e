package org.iopcare.intake.messaging;

import java.util.function.Consumer;
import org.iopcare.events.ContactConsentChanged;
import org.iopcare.intake.client.MessageConsents;
import org.iopcare.support.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds {@code contact-consent-changed} ({@code contactConsentChanged-in-0}) to the client's consent. */
@Configuration(proxyBeanMethods = false)
class ContactConsentChangedConsumer {

    @Bean
    Consumer<Message<byte[]>> contactConsentChanged(EventConsumers consumers, MessageConsents consents) {
        return consumers.of(ContactConsentChanged.class, consents::onConsentChanged);
    }
}
