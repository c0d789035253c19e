package org.iopcare.notification.projection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
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
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Enrollments(
            ProcessedEvents processed,
            ClientLock clientLock,
            RecipientRepository recipients,
            Reminders reminders,
            Messages messages,
            JdbcTemplate jdbc,
            Clock clock) {
        this.processed = processed;
        this.clientLock = clientLock;
        this.recipients = recipients;
        this.reminders = reminders;
        this.messages = messages;
        this.jdbc = jdbc;
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

    /**
     * Ends the enrollment: pending reminders, welcome and digest dropped, queued messages
     * cancelled, nothing new. A discharge dated ahead (after today in the client's zone) keeps the
     * client enrolled, reminded and messaged until that day: the {@code discharge-due} task ends
     * the enrollment at its start ({@link #dischargeDue}).
     */
    @Transactional
    public void on(ClientDischarged event) {
        if (!processed.claim("notification-service:discharged", event.eventId())) {
            return;
        }
        clientLock.lock(event.clientId());
        Instant now = Instant.now(clock);
        Recipient recipient = recipients.findById(event.clientId()).orElseGet(() -> new Recipient(event.clientId()));
        ZoneId zone = zone(recipient);
        if (event.effectiveDate() != null && event.effectiveDate().isAfter(LocalDate.now(clock.withZone(zone)))) {
            recipient.dischargeOn(event.effectiveDate(), event.enrollmentId(), event.occurredAt(), now);
            recipients.save(recipient);
            // one task per client: a later discharge dated ahead moves it (a picked one runs as it is)
            jdbc.update(
                    "INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)"
                            + " VALUES (?, ?, NULL, ?, false, 1) ON CONFLICT (task_name, task_instance)"
                            + " DO UPDATE SET execution_time = EXCLUDED.execution_time WHERE NOT scheduled_tasks.picked",
                    DischargeDueTask.NAME,
                    event.clientId().toString(),
                    Timestamp.from(event.effectiveDate().atStartOfDay(zone).toInstant()));
            return;
        }
        recipient.discharge(event.enrollmentId(), event.occurredAt(), now);
        ended(recipient);
    }

    /**
     * The {@code discharge-due} task, at the start of the day of the client's discharge dated ahead
     * (their zone when it was planned): the enrollment ends as on a discharge effective at once,
     * unless the client enrolled again since.
     */
    @Transactional
    public void dischargeDue(UUID clientId) {
        clientLock.lock(clientId);
        Instant now = Instant.now(clock);
        recipients.findById(clientId).ifPresent(recipient -> {
            if (recipient.dischargeAsPlanned(now)) {
                ended(recipient);
            } else {
                recipients.save(recipient);
            }
        });
    }

    private void ended(Recipient recipient) {
        recipients.save(recipient);
        if (!recipient.enrolled()) {
            reminders.cancelAll(recipient.clientId());
            messages.cancelPending(recipient.clientId(), "client discharged");
        }
    }

    /** The client's zone, for the day a discharge takes effect; UTC when unknown. */
    private static ZoneId zone(Recipient recipient) {
        try {
            return recipient.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(recipient.timeZone());
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
