package org.iopcare.notification.sms;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.iopcare.events.AttendanceConfirmed;
import org.iopcare.events.ConsentChangeSource;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.ContactConsentChanged;
import org.iopcare.notification.message.Audience;
import org.iopcare.notification.message.Channel;
import org.iopcare.notification.message.MessageKind;
import org.iopcare.notification.message.MessageTemplates;
import org.iopcare.notification.message.Messages;
import org.iopcare.notification.recipient.ClientLock;
import org.iopcare.notification.recipient.PreferenceStore;
import org.iopcare.notification.session.ClientSession;
import org.iopcare.notification.session.SessionStore;
import org.iopcare.notification.work.ReplyWorkItems;
import org.iopcare.support.outbox.Outbox;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's SMS reply. STOP words opt the number out at once (the dispatcher reads consent fresh
 * before every send, so no later send goes out) with one confirmation; START opts back in; HELP
 * answers with the clinic's contact; {@code 1}/{@code YES} confirms the client's next session
 * ({@code attendance-confirmed}); those and {@code 2} and anything else go to the staff inbox,
 * threaded by client. Any other text with crisis language ({@link CrisisLanguage}) is flagged as
 * crisis in the inbox and answered at once ({@link CrisisReplies}). A replayed webhook (same
 * MessageSid) changes nothing. A known client's {@code 2} and free text also raise a work item
 * ({@link ReplyWorkItems}) with the inbox row.
 */
@Service
class InboundReplies {

    /** The client id of an answer to a number no client has. */
    static final UUID NO_CLIENT = new UUID(0, 0);

    static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");

    /** What staff see for a reply. */
    enum InboxKind {
        ATTENDANCE_CONFIRMATION,
        RESCHEDULE_REQUEST,
        MESSAGE
    }

    private final JdbcTemplate jdbc;
    private final Messages messages;
    private final MessageTemplates templates;
    private final SessionStore sessions;
    private final Outbox outbox;
    private final Clock clock;
    private final CrisisLanguage crisisLanguage;
    private final CrisisReplies crisis;
    private final ReplyWorkItems workItems;
    private final PreferenceStore preferences;
    private final ClientLock clientLock;

    InboundReplies(
            JdbcTemplate jdbc,
            Messages messages,
            MessageTemplates templates,
            SessionStore sessions,
            Outbox outbox,
            Clock clock,
            CrisisLanguage crisisLanguage,
            CrisisReplies crisis,
            ReplyWorkItems workItems,
            PreferenceStore preferences,
            ClientLock clientLock) {
        this.clientLock = clientLock;
        this.workItems = workItems;
        this.preferences = preferences;
        this.jdbc = jdbc;
        this.messages = messages;
        this.templates = templates;
        this.sessions = sessions;
        this.outbox = outbox;
        this.clock = clock;
        this.crisisLanguage = crisisLanguage;
        this.crisis = crisis;
    }

    @Transactional
    public void receive(String messageSid, String from, String body) {
        // one event id per provider message: replays hit the idempotency keys and unique sids
        UUID eventId = UUID.nameUUIDFromBytes(("sms-inbound:" + messageSid).getBytes(StandardCharsets.UTF_8));
        Instant now = Instant.now(clock);
        List<UUID> clients = jdbc.queryForList(
                "SELECT client_id FROM recipient WHERE phone = ? ORDER BY updated_at DESC", UUID.class, from);
        String keyword = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
        if (STOP_WORDS.contains(keyword)) {
            optOut(from, clients, eventId, messageSid, now);
        } else if (keyword.equals("START") || keyword.equals("UNSTOP")) {
            optIn(from, clients, eventId, messageSid, now);
        } else if (keyword.equals("HELP") || keyword.equals("INFO")) {
            answer(MessageKind.HELP_REPLY, from, clients, eventId);
        } else if (keyword.equals("1") || keyword.equals("YES")) {
            confirm(clients, from, body, messageSid, eventId, now);
        } else if (keyword.equals("2")) {
            UUID item = inbox(clients, from, InboxKind.RESCHEDULE_REQUEST, body, messageSid, now, null, false);
            if (item != null && !clients.isEmpty()) {
                workItems.rescheduleRequested(clients.get(0), item);
            }
        } else if (crisisLanguage.isCrisis(body)) {
            UUID client = clients.isEmpty() ? null : clients.get(0);
            UUID item = inbox(clients, from, InboxKind.MESSAGE, body, messageSid, now, crisis.note(client), true);
            if (item != null) {
                crisis.received(client, from, item, eventId);
            }
        } else {
            UUID item = inbox(clients, from, InboxKind.MESSAGE, body == null ? "" : body, messageSid, now, null, false);
            if (item != null && !clients.isEmpty()) {
                workItems.freeTextReply(clients.get(0), item);
            }
        }
    }

    /**
     * STOP: the number is opted out at once, whoever it belongs to ({@code sms_number_opt_out}),
     * and so is every client on record with it; each of those clients' opt-out is published
     * ({@code contact-consent-changed}, no number in it). Confirmed once, when something changed
     * and the number ever got a message from us; a second STOP sends nothing.
     */
    private void optOut(String from, List<UUID> clients, UUID eventId, String sid, Instant now) {
        lock(clients);
        boolean numberNew = jdbc.update(
                        "INSERT INTO sms_number_opt_out (phone, opted_out_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        from,
                        Timestamp.from(now))
                == 1;
        List<UUID> optedOut = jdbc.queryForList(
                "UPDATE recipient SET sms_opted_out_at = ?, updated_at = ? WHERE phone = ? AND sms_opted_out_at IS NULL"
                        + " RETURNING client_id",
                UUID.class,
                Timestamp.from(now),
                Timestamp.from(now),
                from);
        published(optedOut, false, sid, now);
        if (numberNew || !optedOut.isEmpty()) {
            answer(MessageKind.OPT_OUT_CONFIRMATION, from, clients, eventId);
        }
    }

    /** START/UNSTOP: undoes a STOP of the number and of its clients, published and confirmed likewise. */
    private void optIn(String from, List<UUID> clients, UUID eventId, String sid, Instant now) {
        lock(clients);
        boolean numberBack = jdbc.update("DELETE FROM sms_number_opt_out WHERE phone = ?", from) == 1;
        List<UUID> optedIn = jdbc.queryForList(
                "UPDATE recipient SET sms_opted_out_at = NULL, updated_at = ? WHERE phone = ?"
                        + " AND sms_opted_out_at IS NOT NULL RETURNING client_id",
                UUID.class,
                Timestamp.from(now),
                from);
        published(optedIn, true, sid, now);
        if (numberBack || !optedIn.isEmpty()) {
            answer(MessageKind.OPT_IN_CONFIRMATION, from, clients, eventId);
        }
    }

    /**
     * The clients' locks, in one order (no deadlock between two replies), as every writer of a
     * recipient takes them: a {@code client-updated} handled meanwhile saves the whole recipient it
     * read and would otherwise put the opt-out back as it was.
     */
    private void lock(List<UUID> clients) {
        clients.stream().sorted().forEach(clientLock::lock);
    }

    /** Answers a keyword (STOP, START, HELP) when the number ever got a message from us. */
    private void answer(MessageKind kind, String from, List<UUID> clients, UUID eventId) {
        if (reached(from, clients)) {
            String language =
                    clients.isEmpty() ? null : preferences.find(clients.get(0)).language();
            reply(sender(clients), kind, from, templates.render(kind, Channel.SMS, language, Map.of()), eventId);
        }
    }

    private void published(List<UUID> clientIds, boolean optedIn, String sid, Instant now) {
        for (UUID client : clientIds) {
            UUID id = UUID.nameUUIDFromBytes(("sms-consent:" + sid + ":" + client).getBytes(StandardCharsets.UTF_8));
            outbox.append(new ContactConsentChanged(
                    id, now, client, ContactChannel.SMS, optedIn, ConsentChangeSource.SMS_REPLY));
        }
    }

    /**
     * Whether we may answer the number: a client's, or one any SMS of ours ever went to (a client's
     * old number, an inquirer, a staff phone). A number we never texted gets no answer.
     */
    private boolean reached(String from, List<UUID> clients) {
        return !clients.isEmpty()
                || Boolean.TRUE.equals(jdbc.queryForObject(
                        "SELECT EXISTS (SELECT 1 FROM message WHERE channel = 'SMS' AND destination = ?)",
                        Boolean.class,
                        from));
    }

    /** The client an answer is filed under: the number's latest client, else no client. */
    private static UUID sender(List<UUID> clients) {
        return clients.isEmpty() ? NO_CLIENT : clients.get(0);
    }

    /**
     * Confirms the client's next scheduled, not cancelled session ({@code attendance-confirmed}
     * through the outbox, in this transaction); without one, staff see the reply in the inbox. A
     * replayed webhook finds its inbox row and publishes nothing again.
     */
    private void confirm(List<UUID> clients, String from, String body, String sid, UUID eventId, Instant now) {
        Optional<ClientSession> next = clients.isEmpty() ? Optional.empty() : sessions.next(clients.get(0), now);
        String note = next.map(s -> "attendance-confirmed published for session " + s.sessionId())
                .orElse("no upcoming session: nothing confirmed, staff to follow up");
        if (inbox(clients, from, InboxKind.ATTENDANCE_CONFIRMATION, body, sid, now, note, false) != null
                && next.isPresent()) {
            outbox.append(new AttendanceConfirmed(
                    eventId, now, next.get().clientId(), next.get().sessionId(), ContactChannel.SMS));
        }
    }

    private void reply(UUID clientId, MessageKind kind, String to, String text, UUID eventId) {
        messages.queue(clientId, Audience.CLIENT, kind, Channel.SMS, to, text, eventId);
    }

    /** Returns the new inbox item's id, null when the provider message was already there (a replay). */
    private @Nullable UUID inbox(
            List<UUID> clients,
            String from,
            InboxKind kind,
            String body,
            String sid,
            Instant now,
            @Nullable String note,
            boolean crisis) {
        UUID id = UUID.randomUUID();
        // a replayed provider message is already in the inbox
        int inserted = jdbc.update(
                "INSERT INTO inbox_item (id, client_id, from_number, kind, body, provider_message_id, note,"
                        + " received_at, crisis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (provider_message_id) DO NOTHING",
                id,
                clients.isEmpty() ? null : clients.get(0),
                from,
                kind.name(),
                body.length() > 1600 ? body.substring(0, 1600) : body,
                sid,
                note,
                Timestamp.from(now),
                crisis);
        return inserted == 1 ? id : null;
    }
}
