package org.iopcare.notification.message;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.InquiryReceived;
import org.iopcare.notification.recipient.ClientLock;
import org.iopcare.notification.recipient.Recipient;
import org.iopcare.notification.recipient.RecipientRepository;
import org.iopcare.support.messaging.ProcessedEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a new inquiry: learn the inquirer's contact, acknowledge them once on the channel they chose
 * (never a repeat inquiry, never without consent, never a client already known here) and count it
 * for the intake team's next summary ({@link IntakeSummaries}).
 */
@Service
public class InquiryAcknowledgements {

    static final String CONSUMER = "notification-service:inquiry-received";

    private final ProcessedEvents processed;
    private final RecipientRepository recipients;
    private final ClientLock clientLock;
    private final Messages messages;
    private final IntakeSummaries summaries;
    private final MessageTemplates templates;
    private final Clock clock;

    InquiryAcknowledgements(
            ProcessedEvents processed,
            RecipientRepository recipients,
            ClientLock clientLock,
            Messages messages,
            IntakeSummaries summaries,
            MessageTemplates templates,
            Clock clock) {
        this.templates = templates;
        this.processed = processed;
        this.recipients = recipients;
        this.clientLock = clientLock;
        this.messages = messages;
        this.summaries = summaries;
        this.clock = clock;
    }

    @Transactional
    public void on(InquiryReceived event) {
        if (!processed.claim(CONSUMER, event.eventId())) {
            return;
        }
        Instant now = Instant.now(clock);
        // under the client's lock: an enrollment committing meanwhile is either seen here as known,
        // or finds this recipient and completes it; never overwritten by it
        clientLock.lock(event.clientId());
        // An inquiry is anonymous input: it may introduce a new recipient, never change or write to
        // a known one (intake gives every inquiry its own client id; this holds even if it did not).
        boolean known = recipients.existsById(event.clientId());
        if (!known) {
            recipients.save(Recipient.fromInquiry(
                    event.clientId(),
                    event.preferredName(),
                    event.phone(),
                    event.email(),
                    event.preferredChannel() == null
                            ? null
                            : event.preferredChannel().name(),
                    event.contactConsent(),
                    now));
        }
        if (!known && event.contactConsent() && event.duplicateOf() == null) {
            acknowledge(event);
        }
        // the intake team hears of it in the period's summary, never by an email per inquiry
        summaries.record(event.eventId(), now);
    }

    private void acknowledge(InquiryReceived event) {
        boolean sms =
                event.phone() != null && (event.preferredChannel() != ContactChannel.EMAIL || event.email() == null);
        Channel channel = sms ? Channel.SMS : Channel.EMAIL;
        String destination = sms ? event.phone() : event.email();
        String body = templates.render(
                MessageKind.INQUIRY_ACKNOWLEDGEMENT,
                channel,
                Map.of("preferredName", event.preferredName() == null ? "" : event.preferredName()));
        messages.queue(
                event.clientId(),
                Audience.CLIENT,
                MessageKind.INQUIRY_ACKNOWLEDGEMENT,
                channel,
                destination,
                body,
                event.eventId());
    }
}
