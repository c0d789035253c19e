package org.iopcare.notification.reminder;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.notification.message.ClientMessages;
import org.iopcare.notification.message.MessageKind;
import org.iopcare.notification.recipient.PreferenceStore;
import org.iopcare.notification.recipient.Recipient;
import org.iopcare.notification.recipient.RecipientRepository;
import org.iopcare.notification.session.ClientSession;
import org.iopcare.notification.session.SessionStore;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly digest of a client who chose it ({@code weeklyDigest}): one db-scheduler task per
 * client (task {@code weekly-digest}, instance the client id) that runs at the configured local day
 * and time ({@link DigestProperties}), queues one {@link MessageKind#WEEKLY_DIGEST} listing the
 * sessions of the 7 local days from then on, as the projection has them at that moment, and plans
 * itself for the next week. An empty week sends nothing. The message's source is the client and the
 * local date of the digest, so a rerun (redelivery, a second instance) queues nothing new. The
 * sessions listed are recorded ({@code digest_session}); a reminder of a session the digest listed at
 * the same start time is not sent ({@link #covers}).
 */
@Service
public class WeeklyDigests {

    private final SessionStore sessions;
    private final RecipientRepository recipients;
    private final PreferenceStore preferences;
    private final ClientMessages messages;
    private final DigestProperties properties;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MeterRegistry meters;
    private final TransactionTemplate transaction;

    @Autowired
    public WeeklyDigests(
            SessionStore sessions,
            RecipientRepository recipients,
            PreferenceStore preferences,
            ClientMessages messages,
            DigestProperties properties,
            JdbcTemplate jdbc,
            Clock clock,
            MeterRegistry meters,
            PlatformTransactionManager transactions) {
        this.sessions = sessions;
        this.recipients = recipients;
        this.preferences = preferences;
        this.messages = messages;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The first digest time strictly after {@code now} in {@code zone}. */
    public Instant next(Instant now, ZoneId zone) {
        Instant latest = latest(now, zone);
        return ZonedDateTime.of(latest.atZone(zone).toLocalDate().plusWeeks(1), properties.time(), zone)
                .toInstant();
    }

    /** The last digest time at or before {@code at} in {@code zone}. */
    public Instant latest(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(properties.day()));
        Instant candidate = ZonedDateTime.of(day, properties.time(), zone).toInstant();
        return candidate.isAfter(at)
                ? ZonedDateTime.of(day.minusWeeks(1), properties.time(), zone).toInstant()
                : candidate;
    }

    /** Plans the client's next digest unless it is planned (the client chose the digest). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void plan(UUID clientId, Instant now) {
        ZoneId zone = zone(recipients.findById(clientId));
        jdbc.update(
                "INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)"
                        + " VALUES (?, ?, NULL, ?, false, 1) ON CONFLICT (task_name, task_instance) DO NOTHING",
                ReminderTasks.WEEKLY_DIGEST,
                clientId.toString(),
                Timestamp.from(next(now, zone)));
    }

    /**
     * Plans the digest of every client who chose it and has none planned (choices stored before the
     * digest existed), except the discharged; on every start, repeatable.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void planChosen() {
        Instant now = Instant.now(clock);
        transaction.executeWithoutResult(status -> jdbc.queryForList(
                        "SELECT p.client_id FROM client_preference p JOIN recipient r ON r.client_id = p.client_id"
                                + " WHERE p.weekly_digest AND (r.enrolled OR r.discharged_at IS NULL)"
                                + " AND NOT EXISTS (SELECT 1 FROM scheduled_tasks t WHERE t.task_name = ?"
                                + " AND t.task_instance = p.client_id::text)",
                        UUID.class,
                        ReminderTasks.WEEKLY_DIGEST)
                .forEach(clientId -> plan(clientId, now)));
    }

    /** Drops the client's pending digest (the digest was turned off; a running one re-reads the choice). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void unplan(UUID clientId) {
        jdbc.update(
                "DELETE FROM scheduled_tasks WHERE task_name = ? AND task_instance = ? AND NOT picked",
                ReminderTasks.WEEKLY_DIGEST,
                clientId.toString());
    }

    /** The source of a client's digest of a local date: one per client and week. */
    public static UUID digestKey(UUID clientId, LocalDate digestDate) {
        return UUID.nameUUIDFromBytes(
                ("weekly-digest:" + clientId + ":" + digestDate).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What the due task does, in one transaction: the digest of the week that began at the last
     * digest time; returns when to run next (empty: the client no longer wants it, or was
     * discharged).
     */
    public Optional<Instant> send(UUID clientId) {
        Instant now = Instant.now(clock);
        Outcome outcome = transaction.execute(status -> sendInTransaction(clientId, now));
        meters.counter("iopcare.notification.digests", "outcome", outcome.name).increment();
        return Optional.ofNullable(outcome.next);
    }

    private record Outcome(String name, @Nullable Instant next) {}

    private Outcome sendInTransaction(UUID clientId, Instant now) {
        // one transaction per client at a time: reminders of the same client wait for this one
        jdbc.query("SELECT 1 FROM recipient WHERE client_id = ? FOR UPDATE", rs -> {}, clientId);
        Optional<Recipient> recipient = recipients.findById(clientId);
        if (!preferences.find(clientId).weeklyDigest()) {
            return new Outcome("not_chosen", null);
        }
        ZoneId zone = zone(recipient);
        Instant next = next(now, zone);
        if (recipient.isEmpty() || !recipient.get().enrolled()) {
            return recipient.isPresent() && recipient.get().discharged()
                    ? new Outcome("discharged", null)
                    : new Outcome("not_enrolled", next);
        }
        Instant start = latest(now, zone);
        LocalDate digestDate = start.atZone(zone).toLocalDate();
        Instant end = start.atZone(zone).plusDays(7).toInstant();
        List<ClientSession> week = sessions.upcoming(clientId, now).stream()
                .filter(session -> session.startsAt().isBefore(end))
                .toList();
        if (week.isEmpty()) {
            return new Outcome("empty", next);
        }
        List<ZonedDateTime> at =
                week.stream().map(session -> session.startsAt().atZone(zone)).toList();
        // not sent when the cap leaves no time before the week's first session: its reminders go instead
        int queued = messages.toClient(
                recipient.get(),
                MessageKind.WEEKLY_DIGEST,
                Map.of("sessionsAt", at, "several", at.size() > 1),
                digestKey(clientId, digestDate),
                now,
                week.get(0).startsAt());
        if (queued == 0) {
            return new Outcome("nothing_queued", next);
        }
        for (ClientSession session : week) {
            jdbc.update(
                    "INSERT INTO digest_session (client_id, digest_date, session_id, starts_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    clientId,
                    Date.valueOf(digestDate),
                    session.sessionId(),
                    Timestamp.from(session.startsAt()));
        }
        return new Outcome("queued", next);
    }

    /**
     * Whether a digest client's session is told by a digest rather than by its own reminder: its
     * week's digest listed it at this start time, or has not run yet and is due before it. A session
     * added, or moved, after its week's digest went out is not covered.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean covers(ClientSession session, ZoneId zone) {
        LocalDate digestDate = latest(session.startsAt(), zone).atZone(zone).toLocalDate();
        List<Instant> listed = jdbc.queryForList(
                "SELECT starts_at FROM digest_session WHERE client_id = ? AND digest_date = ? AND session_id = ?",
                Instant.class,
                session.clientId(),
                Date.valueOf(digestDate),
                session.sessionId());
        if (!listed.isEmpty()) {
            return listed.get(0).equals(session.startsAt());
        }
        Boolean ran = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM digest_session WHERE client_id = ? AND digest_date = ?)",
                Boolean.class,
                session.clientId(),
                Date.valueOf(digestDate));
        if (Boolean.TRUE.equals(ran)) {
            return false;
        }
        Boolean pending = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?"
                        + " AND execution_time <= ?)",
                Boolean.class,
                ReminderTasks.WEEKLY_DIGEST,
                session.clientId().toString(),
                Timestamp.from(session.startsAt()));
        return Boolean.TRUE.equals(pending);
    }

    private static ZoneId zone(Optional<Recipient> recipient) {
        String zone = recipient.map(Recipient::timeZone).orElse(null);
        try {
            return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
