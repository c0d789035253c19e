package org.iopcare.intake.client;

import java.time.Clock;
import java.time.Instant;
import org.iopcare.events.ConsentChangeSource;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.ContactConsentChanged;
import org.iopcare.support.messaging.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records on the client's consent what the client said by answering a message: an SMS STOP or
 * START, an email's unsubscribe ({@code contact-consent-changed}, published by notification-service,
 * which has already applied it). Idempotent by event id; the consent's source and time say how and
 * when. Publishes nothing: the services that send messages already know.
 */
@Service
public class MessageConsents {

    static final String CONSUMER = "intake-service:contact-consent-changed";

    private static final Logger log = LoggerFactory.getLogger(MessageConsents.class);

    private final ClientRepository clients;
    private final ProcessedEvents processed;
    private final Clock clock;

    MessageConsents(ClientRepository clients, ProcessedEvents processed, Clock clock) {
        this.clients = clients;
        this.processed = processed;
        this.clock = clock;
    }

    @Transactional
    public void onConsentChanged(ContactConsentChanged event) {
        if (!processed.claim(CONSUMER, event.eventId())) {
            return;
        }
        if (event.channel() != ContactChannel.SMS && event.channel() != ContactChannel.EMAIL) {
            return;
        }
        Client client = clients.findById(event.clientId()).orElse(null);
        if (client == null) {
            // an inquirer who never became a client: there is no consent record to keep it on
            log.info("Consent change {} for no client of intake; nothing recorded", event.eventId());
            return;
        }
        ConsentSource source = event.source() == ConsentChangeSource.EMAIL_UNSUBSCRIBE
                ? ConsentSource.EMAIL_UNSUBSCRIBE
                : ConsentSource.MESSAGE_REPLY;
        if (client.answeredMessage(
                event.channel() == ContactChannel.SMS,
                event.optedIn(),
                source,
                event.occurredAt(),
                Instant.now(clock))) {
            clients.save(client);
        }
    }
}
