package org.iopcare.notification.reminder;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.notification.message.ClientMessages;
import org.iopcare.notification.message.MessageKind;
import org.iopcare.notification.recipient.ClientPreferences;
import org.iopcare.notification.recipient.PreferenceStore;
import org.iopcare.notification.recipient.QuietHours;
import org.iopcare.notification.recipient.Recipient;
import org.iopcare.notification.recipient.RecipientRepository;
import org.iopcare.notification.session.ClientSession;
import org.iopcare.notification.session.SessionStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a due reminder or welcome task does, in one transaction: check everything again (the
 * session may be cancelled, the client discharged, the time zone changed), apply the send window
 * and the frequency cap, and queue the message on each channel the client consented to. Every
 * outcome is counted ({@code iopcare.notification.reminders{outcome}}); nothing about the client
 * is logged.
 */
@Service
class ReminderDelivery {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a z", Locale.US);

    private final SessionStore sessions;
    private final RecipientRepository recipients;
    private final ClientMessages messages;
    private final ReminderPlanner planner;
    private final SendWindow window;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MeterRegistry meters;
    private final TransactionTemplate transaction;
    private final Duration enrollmentWait;
    private final PreferenceStore preferences;
    private final java.util.List<Duration> clinicOffsets;
    private final WeeklyDigests digests;

    private static final String NOT_ENROLLED = "not_enrolled";

    ReminderDelivery(
            SessionStore sessions,
            RecipientRepository recipients,
            ClientMessages messages,
            SendWindowProperties window,
            ReminderProperties properties,
            JdbcTemplate jdbc,
            Clock clock,
            MeterRegistry meters,
            PlatformTransactionManager transactions,
            PreferenceStore preferences,
            WeeklyDigests digests) {
        this.digests = digests;
        this.sessions = sessions;
        this.recipients = recipients;
        this.messages = messages;
        this.window = window.window();
        this.planner = new ReminderPlanner(this.window);
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
        this.transaction = new TransactionTemplate(transactions);
        // a session that arrived before its enrollment: look again a few polls later
        this.enrollmentWait = properties.pollInterval().multipliedBy(6);
        this.preferences = preferences;
        this.clinicOffsets = properties.offsets();
    }

    /** The source event id of a reminder: one per session and offset, so a rerun queues nothing new. */
    static UUID reminderKey(UUID sessionId, Duration offset) {
        return UUID.nameUUIDFromBytes(("reminder:" + sessionId + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The source event id of a welcome: one per enrollment. */
    static UUID welcomeKey(UUID enrollmentId) {
        return UUID.nameUUIDFromBytes(("welcome:" + enrollmentId).getBytes(StandardCharsets.UTF_8));
    }

    /** Returns when to try again: only while the client's enrollment has not arrived. */
    Optional<Instant> remind(UUID sessionId, Duration offset) {
        String outcome = transaction.execute(status -> remindInTransaction(sessionId, offset));
        meters.counter("iopcare.notification.reminders", "outcome", outcome).increment();
        Instant now = Instant.now(clock);
        if (NOT_ENROLLED.equals(outcome)) {
            return sessions.find(sessionId)
                    .map(ClientSession::startsAt)
                    .filter(now::isBefore)
                    .map(start -> now.plus(enrollmentWait));
        }
        return Optional.empty();
    }

    private String remindInTransaction(UUID sessionId, Duration offset) {
        Instant now = Instant.now(clock);
        Optional<ClientSession> found = sessions.find(sessionId);
        if (found.isEmpty() || !found.get().scheduled()) {
            return "cancelled";
        }
        ClientSession session = found.get();
        if (!now.isBefore(session.startsAt())) {
            return "past";
        }
        // one reminder transaction per client at a time, so two reminders firing together respect the cap
        jdbc.query("SELECT 1 FROM recipient WHERE client_id = ? FOR UPDATE", rs -> {}, session.clientId());
        Optional<Recipient> recipient = recipients.findById(session.clientId());
        if (recipient.isEmpty()) {
            return NOT_ENROLLED;
        }
        if (!recipient.get().enrolled()) {
            return recipient.get().discharged() ? "discharged" : NOT_ENROLLED;
        }
        ClientPreferences chosen = preferences.find(session.clientId());
        if (!chosen.offsetsOr(clinicOffsets).contains(offset)) {
            // planned before the client chose other offsets
            return "not_chosen";
        }
        ZoneId zone = Reminders.zone(recipient, session);
        if (chosen.weeklyDigest() && digests.covers(session, zone)) {
            // the week's digest listed the session, or will before it starts
            return "digest";
        }
        // the client's zone may have changed since the task was planned: the window is applied again
        Optional<Instant> at = planner.sendAt(now, session.startsAt(), offset, zone)
                .flatMap(due -> outsideQuietHours(chosen.quietHours(), due, now, session.startsAt(), zone));
        if (at.isEmpty()) {
            return "no_window";
        }
        UUID key = reminderKey(sessionId, offset);
        int queued = messages.toClient(
                recipient.get(),
                MessageKind.SESSION_REMINDER,
                sessionValues(session, zone),
                key,
                at.get(),
                session.startsAt());
        return queued > 0 ? "queued" : "nothing_queued";
    }

    /**
     * A reminder due in the client's quiet hours goes at their end when that is still before the
     * session, else in the last minute before them when that is not past and in the window.
     */
    private Optional<Instant> outsideQuietHours(
            QuietHours quiet, Instant due, Instant now, Instant sessionStart, ZoneId zone) {
        if (quiet == null || !quiet.contains(due, zone)) {
            return Optional.of(due);
        }
        Instant end = quiet.endOn(due, zone);
        if (end.isBefore(sessionStart)) {
            return Optional.of(end);
        }
        Instant before = quiet.lastMinuteBefore(due, zone);
        return !before.isBefore(now) && window.allows(before, zone) ? Optional.of(before) : Optional.empty();
    }

    /** Never tried again: a welcome is planned only for an enrolled client. */
    Optional<Instant> welcome(UUID clientId) {
        String outcome = transaction.execute(status -> welcomeInTransaction(clientId));
        meters.counter("iopcare.notification.welcomes", "outcome", outcome).increment();
        return Optional.empty();
    }

    private String welcomeInTransaction(UUID clientId) {
        Instant now = Instant.now(clock);
        Optional<Recipient> recipient = recipients.findById(clientId);
        if (recipient.isEmpty() || !recipient.get().enrolled()) {
            return "not_enrolled";
        }
        Optional<ClientSession> first = sessions.next(clientId, now);
        if (first.isEmpty()) {
            return "no_session";
        }
        ZoneId zone = Reminders.zone(recipient, first.get());
        Instant at = window.nextOpening(now, zone);
        if (!at.isBefore(first.get().startsAt())) {
            return "no_window";
        }
        int queued = messages.toClient(
                recipient.get(),
                MessageKind.WELCOME,
                sessionValues(first.get(), zone),
                welcomeKey(recipient.get().enrollmentId()),
                at);
        return queued > 0 ? "queued" : "nothing_queued";
    }

    /** A session's local date and time in the client's zone; never its kind (group names stay in scheduling). */
    static Map<String, Object> sessionValues(ClientSession session, ZoneId zone) {
        // sessionAt: written in the client's language when rendered; sessionDate/-Time: English
        Map<String, Object> values = new java.util.HashMap<>(Map.of(
                "sessionAt", session.startsAt().atZone(zone),
                "sessionDate", DATE.format(session.startsAt().atZone(zone)),
                "sessionTime", TIME.format(session.startsAt().atZone(zone)),
                "virtual", session.virtual()));
        if (session.virtual() && session.joinUrl() != null) {
            values.put("joinUrl", session.joinUrl());
        }
        return values;
    }
}
