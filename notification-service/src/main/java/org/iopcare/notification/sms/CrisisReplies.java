package org.iopcare.notification.sms;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iopcare.notification.message.Audience;
import org.iopcare.notification.message.Channel;
import org.iopcare.notification.message.MessageKind;
import org.iopcare.notification.message.MessageTemplates;
import org.iopcare.notification.message.Messages;
import org.iopcare.notification.message.UrgentMessageQueued;
import org.iopcare.notification.recipient.PreferenceStore;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.work.NewWorkItem;
import org.iopcare.support.work.Owner;
import org.iopcare.support.work.Priority;
import org.iopcare.support.work.WorkItemProperties;
import org.iopcare.support.work.WorkItems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens when a client's reply contains crisis language, in the webhook's transaction and
 * only for a provider message not seen before (the inbox row decides, so a redelivered webhook
 * does nothing here):
 * <ul>
 *   <li>the automatic answer ({@link MessageKind#CRISIS_REPLY}: 988 and the clinic's number) is
 *       queued due now, keyed by the inbound message (one per provider message id), through the
 *       normal outbound path: the dispatcher still checks SMS consent and opt-out, claims crisis
 *       answers ahead of everything else queued and is woken at commit, and neither the send window nor the reminder cap
 *       applies (an answer to a text the client just sent, at a moment that cannot wait);
 *   <li>the URGENT work item for the primary clinician ({@link #raiseUrgentWorkItem}).
 * </ul>
 * Nothing of the text is logged: ids only.
 */
@Service
class CrisisReplies {

    private static final Logger log = LoggerFactory.getLogger(CrisisReplies.class);

    private final Messages messages;
    private final MessageTemplates templates;
    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;
    private final WorkItems workItems;
    private final WorkItemProperties work;
    private final Caseload caseload;
    private final Clock clock;
    private final PreferenceStore preferences;

    CrisisReplies(
            Messages messages,
            MessageTemplates templates,
            JdbcTemplate jdbc,
            MeterRegistry meters,
            ApplicationEventPublisher events,
            WorkItems workItems,
            WorkItemProperties work,
            Caseload caseload,
            Clock clock,
            PreferenceStore preferences) {
        this.preferences = preferences;
        this.events = events;
        this.workItems = workItems;
        this.work = work;
        this.caseload = caseload;
        this.clock = clock;
        this.messages = messages;
        this.templates = templates;
        this.jdbc = jdbc;
        this.meters = meters;
    }

    /** What staff read beside the flag: whether the client was answered automatically. */
    String note(@Nullable UUID clientId) {
        if (clientId == null) {
            return "crisis language; the number belongs to no known client: no automatic answer, call back";
        }
        List<Boolean> smsAllowed = jdbc.queryForList(
                "SELECT sms_consent AND sms_opted_out_at IS NULL FROM recipient WHERE client_id = ?",
                Boolean.class,
                clientId);
        if (smsAllowed.isEmpty() || !Boolean.TRUE.equals(smsAllowed.get(0))) {
            return "crisis language; no SMS consent or opted out: no automatic answer, call back";
        }
        return "crisis language; answered automatically with 988 and the clinic's number";
    }

    /**
     * A new inbound message with crisis language, already in the inbox as {@code inboxItemId};
     * {@code clientId} is null when the number belongs to no known client.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void received(@Nullable UUID clientId, String from, UUID inboxItemId, UUID inboundEventId) {
        if (clientId == null) {
            // a message needs a client (and consent on record): staff call back from the inbox
            raiseUrgentWorkItem(null, inboxItemId);
            count("unknown_number");
            log.warn("Crisis language from a number of no known client: inbox item {}", inboxItemId);
            return;
        }
        messages.queue(
                clientId,
                Audience.CLIENT,
                MessageKind.CRISIS_REPLY,
                Channel.SMS,
                from,
                templates.render(
                        MessageKind.CRISIS_REPLY,
                        Channel.SMS,
                        preferences.find(clientId).language(),
                        Map.of()),
                inboundEventId);
        events.publishEvent(new UrgentMessageQueued());
        raiseUrgentWorkItem(clientId, inboxItemId);
        count("answered");
        log.info("Crisis language in a reply: answer queued, inbox item {}", inboxItemId);
    }

    /**
     * The URGENT work item for the client's primary clinician (the clinicians' queue when the care
     * team has none): reason code {@code CRISIS_LANGUAGE}, the inbox item as its cause, never the
     * text. It commits with the inbox row, escalates to the supervisors if nobody acknowledges it in
     * time, and is raised once per inbound provider message. A number of no known client has no
     * client to raise it for: the inbox flag (first in every staff inbox) is its signal.
     */
    private void raiseUrgentWorkItem(@Nullable UUID clientId, UUID inboxItemId) {
        if (clientId == null) {
            return;
        }
        List<String> team = caseload.team(clientId);
        Owner owner = team.isEmpty() ? Owner.queue(StaffRole.CLINICIAN) : Owner.staff(team.get(0));
        workItems.raise(new NewWorkItem(
                clientId,
                KIND,
                Priority.URGENT,
                "CRISIS_LANGUAGE",
                owner,
                Instant.now(clock).plus(work.escalateAfter()),
                "crisis-reply:" + inboxItemId));
    }

    /** The work item kind of a crisis reply. */
    static final String KIND = "CRISIS_REPLY";

    private void count(String outcome) {
        meters.counter("iopcare.notification.crisis.replies", "outcome", outcome)
                .increment();
    }
}
