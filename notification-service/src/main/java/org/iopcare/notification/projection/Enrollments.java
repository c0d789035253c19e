package org.iopcare.notification.projection;

import java.time.Clock;
import java.time.Instant;
import org.iopcare.events.ClientDischarged;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.ClientUpdated;
import org.iopcare.notification.message.Messages;
import org.iopcare.notification.recipient.ClientLock;
import org.iopcare.notification.recipient.Contact;
import org.iopcare.notification.recipient.Recipient;
import org.iopcare.notification.recipient.RecipientRepository;
import org.iopcare.notification.reminder.Reminders;
import org.iopcare.support.messaging.ProcessedEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recipient side of the projection: {@code enrolled}, {@code client-updated},
 * {@code discharged}. Each event is handled once ({@link ProcessedEvents}); events of one client on
 * different topics may arrive in any order (an older contact never overwrites a newer one, a
 * discharge that arrives before its enrollment still ends it).
 */
@Service
public class Enrollments {

    private final ProcessedEvents processed;
    private final ClientLock clientLock;
    private final RecipientRepository recipients;
    private final Reminders reminders;
    private final Messages messages;
    private final Clock clock;

    Enrollments(
            ProcessedEvents processed,
            ClientLock clientLock,
            RecipientRepository recipients,
            Reminders reminders,
            Messages messages,
            Clock clock) {
        this.processed = processed;
        this.clientLock = clientLock;
        this.recipients = recipients;
        this.reminders = reminders;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public void on(ClientEnrolled event) {
        if (!processed.claim("notification-service:enrolled", event.eventId())) {
            return;
        }
        clientLock.lock(event.clientId());
        Instant now = Instant.now(clock);
        Recipient recipient = recipients.findById(event.clientId()).orElseGet(() -> new Recipient(event.clientId()));
        recipient.enroll(
                event.enrollmentId(),
                event.primaryClinicianId(),
                new Contact(
                        event.preferredName(),
                        event.phone(),
                        event.email(),
                        event.timeZone(),
                        event.smsConsent(),
                        event.emailConsent()),
                event.occurredAt(),
                now);
        recipient.preferChannel(
                event.preferredChannel() == null
                        ? null
                        : event.preferredChannel().name());
        recipients.save(recipient);
        if (recipient.enrolled()) {
            // sessions that arrived before the enrollment get their reminders now
            reminders.planUpcoming(event.clientId(), now);
            reminders.planWelcome(recipient, now);
        }
    }

    @Transactional
    public void on(ClientUpdated event) {
        if (!processed.claim("notification-service:client-updated", event.eventId())) {
            return;
        }
        clientLock.lock(event.clientId());
        Instant now = Instant.now(clock);
        Recipient recipient = recipients.findById(event.clientId()).orElseGet(() -> new Recipient(event.clientId()));
        recipient.update(
                new Contact(
                        event.preferredName(),
                        event.phone(),
                        event.email(),
                        event.timeZone(),
                        event.smsConsent(),
                        event.emailConsent()),
                event.occurredAt(),
                now);
        recipients.save(recipient);
    }

    @Transactional
    public void on(ClientDischarged event) {
        if (!processed.claim("notification-service:discharged", event.eventId())) {
            return;
        }
        clientLock.lock(event.clientId());
        Instant now = Instant.now(clock);
        Recipient recipient = recipients.findById(event.clientId()).orElseGet(() -> new Recipient(event.clientId()));
        recipient.discharge(event.enrollmentId(), event.occurredAt(), now);
        recipients.save(recipient);
        if (!recipient.enrolled()) {
            reminders.cancelAll(event.clientId());
            messages.cancelPending(event.clientId(), "client discharged");
        }
    }
}
