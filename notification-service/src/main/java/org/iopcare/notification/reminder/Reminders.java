package org.iopcare.notification.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.notification.recipient.PreferenceStore;
import org.iopcare.notification.recipient.Recipient;
import org.iopcare.notification.recipient.RecipientRepository;
import org.iopcare.notification.session.ClientSession;
import org.iopcare.notification.session.SessionStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans and cancels the persistent tasks behind reminders (one per session and offset) and the
 * welcome message (one per client), in the caller's transaction, as rows of db-scheduler's table. Planning is repeatable: an
 * existing task is left alone, and a task that ran already finds its message queued (the
 * idempotency key) and queues nothing.
 */
@Service
public class Reminders {

    private final SessionStore sessions;
    private final RecipientRepository recipients;
    private final ReminderProperties properties;
    private final ReminderPlanner planner;
    private final JdbcTemplate jdbc;
    private final PreferenceStore preferences;
    private final WeeklyDigests digests;

    Reminders(
            SessionStore sessions,
            RecipientRepository recipients,
            ReminderProperties properties,
            SendWindowProperties window,
            JdbcTemplate jdbc,
            PreferenceStore preferences,
            WeeklyDigests digests) {
        this.digests = digests;
        this.preferences = preferences;
        this.sessions = sessions;
        this.recipients = recipients;
        this.properties = properties;
        this.planner = new ReminderPlanner(window.window());
        this.jdbc = jdbc;
    }

    /**
     * Plans the session's reminders at the client's offsets (the clinic's by default); a reminder
     * with no allowed time left before the session is not planned.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void plan(ClientSession session, Instant now) {
        plan(session, now, false);
    }

    /**
     * Plans the reminders of the client's upcoming sessions again, at the offsets they chose now:
     * the pending tasks are dropped and planned anew, except those whose time has passed (a
     * reminder that went out at an earlier offset is not followed by one "at once").
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replan(UUID clientId, Instant now) {
        for (ClientSession session : sessions.upcoming(clientId, now)) {
            cancel(session.sessionId());
            plan(session, now, true);
        }
    }

    private void plan(ClientSession session, Instant now, boolean onlyAhead) {
        ZoneId zone = zone(recipients.findById(session.clientId()), session);
        for (Duration offset : preferences.find(session.clientId()).offsetsOr(properties.offsets())) {
            if (onlyAhead
                    && ReminderPlanner.due(session.startsAt(), offset, zone).isBefore(now)) {
                continue;
            }
            planner.sendAt(now, session.startsAt(), offset, zone)
                    .ifPresent(at ->
                            schedule(ReminderTasks.SESSION_REMINDER, instanceId(session.sessionId(), offset), at));
        }
    }

    /**
     * Plans the reminders of every upcoming session of the client (their enrollment arrived after
     * them), and the weekly digest when the client chose it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void planUpcoming(UUID clientId, Instant now) {
        for (ClientSession session : sessions.upcoming(clientId, now)) {
            plan(session, now);
        }
        if (preferences.find(clientId).weeklyDigest()) {
            digests.plan(clientId, now);
        }
    }

    /** Whether the welcome of the client's enrollment is queued (or went out). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean welcomed(Recipient recipient) {
        return recipient.enrollmentId() != null
                && Boolean.TRUE.equals(jdbc.queryForObject(
                        "SELECT EXISTS (SELECT 1 FROM message WHERE source_event_id = ? AND kind = 'WELCOME')",
                        Boolean.class,
                        ReminderDelivery.welcomeKey(recipient.enrollmentId())));
    }

    /** Plans the welcome message for an enrolled client with a session ahead, unless it went out. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void planWelcome(Recipient recipient, Instant now) {
        if (!recipient.enrolled() || recipient.enrollmentId() == null) {
            return;
        }
        if (welcomed(recipient) || sessions.next(recipient.clientId(), now).isEmpty()) {
            return;
        }
        schedule(ReminderTasks.WELCOME, recipient.clientId().toString(), now.plus(properties.welcomeDelay()));
    }

    /** Drops the session's reminders that have not started running (a running one re-checks the session). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancel(UUID sessionId) {
        return jdbc.update(
                "DELETE FROM scheduled_tasks WHERE task_name = ? AND task_instance LIKE ? AND NOT picked",
                ReminderTasks.SESSION_REMINDER,
                sessionId + "|%");
    }

    /** Drops every pending reminder, the pending welcome and the pending digest of the client (discharge). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelAll(UUID clientId) {
        int cancelled = 0;
        for (UUID sessionId : sessions.sessionIds(clientId)) {
            cancelled += cancel(sessionId);
        }
        jdbc.update(
                "DELETE FROM scheduled_tasks WHERE task_name = ? AND task_instance = ? AND NOT picked",
                ReminderTasks.WELCOME,
                clientId.toString());
        digests.unplan(clientId);
        return cancelled;
    }

    /**
     * Adds a task unless it exists, in the caller's transaction. db-scheduler's own
     * {@code scheduleIfNotExists} checks, then inserts and treats a failed insert as a duplicate:
     * inside a PostgreSQL transaction that failed insert aborts the whole transaction (two handlers
     * planning the same session at once). {@code ON CONFLICT DO NOTHING} waits for the other
     * transaction and then does nothing.
     */
    private void schedule(String task, String instance, Instant at) {
        jdbc.update(
                "INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)"
                        + " VALUES (?, ?, NULL, ?, false, 1) ON CONFLICT (task_name, task_instance) DO NOTHING",
                task,
                instance,
                java.sql.Timestamp.from(at));
    }

    static String instanceId(UUID sessionId, Duration offset) {
        return sessionId + "|" + offset;
    }

    /** The client's own zone; the session's while the enrollment has not arrived; UTC as a last resort. */
    public static ZoneId zone(Optional<Recipient> recipient, ClientSession session) {
        String zone = recipient.map(Recipient::timeZone).orElse(null);
        if (zone == null) {
            zone = session.timeZone();
        }
        try {
            return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** A session's local date and time in {@code zone} for a client message; never its kind. */
    public static Map<String, Object> sessionValues(ClientSession session, ZoneId zone) {
        return ReminderDelivery.sessionValues(session, zone);
    }
}
