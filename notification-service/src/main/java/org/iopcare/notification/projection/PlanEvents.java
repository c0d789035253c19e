package org.iopcare.notification.projection;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.iopcare.events.PlanChangeType;
import org.iopcare.events.PlanStatus;
import org.iopcare.events.PlanUpdated;
import org.iopcare.events.ScreeningCompleted;
import org.iopcare.notification.message.ClientMessages;
import org.iopcare.notification.message.MessageKind;
import org.iopcare.notification.recipient.Recipient;
import org.iopcare.notification.recipient.RecipientRepository;
import org.iopcare.notification.reminder.SendWindowProperties;
import org.iopcare.support.messaging.ProcessedEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code plan-updated}: a plan that became active, or a new version of an active plan, is
 * announced to the client without naming anything in it; an urgent flag alerts the care team.
 * {@code screening-completed}: an urgent screening alerts the care team. Alerts carry ids only.
 */
@Service
public class PlanEvents {

    private final ProcessedEvents processed;
    private final RecipientRepository recipients;
    private final ClientMessages messages;
    private final SendWindowProperties window;
    private final Clock clock;

    PlanEvents(
            ProcessedEvents processed,
            RecipientRepository recipients,
            ClientMessages messages,
            SendWindowProperties window,
            Clock clock) {
        this.processed = processed;
        this.recipients = recipients;
        this.messages = messages;
        this.window = window;
        this.clock = clock;
    }

    @Transactional
    public void on(PlanUpdated event) {
        if (!processed.claim("notification-service:plan-updated", event.eventId())) {
            return;
        }
        boolean activeVersion = event.status() == PlanStatus.ACTIVE
                && (event.changeType() == PlanChangeType.ACTIVATED
                        || event.changeType() == PlanChangeType.VERSION_CREATED);
        Optional<Recipient> recipient = recipients.findById(event.clientId());
        if (activeVersion && recipient.isPresent() && recipient.get().enrolled()) {
            Instant at = window.window().nextOpening(Instant.now(clock), SessionEvents.zone(recipient.get()));
            messages.toClient(recipient.get(), MessageKind.PLAN_REVIEW_NOTICE, Map.of(), event.eventId(), at);
        }
        if (event.urgent()) {
            messages.toCareTeam(
                    event.clientId(),
                    MessageKind.URGENT_FLAG_ALERT,
                    Map.of(
                            "clientId",
                            event.clientId().toString(),
                            "reference",
                            "plan " + event.planId() + ", version " + event.version()),
                    event.eventId());
        }
    }

    @Transactional
    public void on(ScreeningCompleted event) {
        if (!processed.claim("notification-service:screening-completed", event.eventId())) {
            return;
        }
        if (event.urgent()) {
            messages.toCareTeam(
                    event.clientId(),
                    MessageKind.URGENT_FLAG_ALERT,
                    Map.of("clientId", event.clientId().toString(), "reference", "screening " + event.screeningId()),
                    event.eventId());
        }
    }
}
