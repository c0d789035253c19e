package org.iopcare.notification.message;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iopcare.notification.message.MessageView.StatusChange;
import org.iopcare.support.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records messages to send and answers what was sent. */
@Service
public class Messages {

    /** The line the first SMS to a number ends with (carrier rules: say how to opt out). */
    public static final String OPT_OUT_HINT = "Reply STOP to opt out";

    private final MessageRepository repository;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MeterRegistry meters;

    Messages(MessageRepository repository, JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
    }

    /** Counts a state change; tags are the kind, channel and state only, never the recipient. */
    private void count(MessageKind kind, Channel channel, DeliveryStatus status) {
        meters.counter(
                        "iopcare.notification.messages",
                        "kind",
                        kind.name(),
                        "channel",
                        channel.name(),
                        "status",
                        status.name())
                .increment();
    }

    /** Queues a message unless this event already produced it on this channel. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(
            UUID clientId,
            Audience audience,
            MessageKind kind,
            Channel channel,
            String destination,
            String body,
            UUID sourceEventId) {
        queue(clientId, audience, kind, channel, destination, body, sourceEventId, null);
    }

    /**
     * Queues a message unless this event already produced it on this channel; the dispatcher takes
     * it no earlier than {@code notBefore} (null: at once). Returns whether a message was queued.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean queue(
            UUID clientId,
            Audience audience,
            MessageKind kind,
            Channel channel,
            String destination,
            String body,
            UUID sourceEventId,
            @Nullable Instant notBefore) {
        return queue(clientId, audience, kind, channel, destination, body, sourceEventId, notBefore, OPT_OUT_HINT);
    }

    /** As above, a first SMS ending with {@code optOutHint} (the client's language). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean queue(
            UUID clientId,
            Audience audience,
            MessageKind kind,
            Channel channel,
            String destination,
            String body,
            UUID sourceEventId,
            @Nullable Instant notBefore,
            String optOutHint) {
        return queue(
                clientId,
                audience,
                kind,
                channel,
                destination,
                body,
                sourceEventId,
                Message.idempotencyKey(sourceEventId, kind, channel),
                notBefore,
                optOutHint);
    }

    /**
     * Queues a staff alert to one of several staff members, unless this event already produced it
     * for that recipient. Returns whether a message was queued.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean queueFor(
            String recipient,
            UUID clientId,
            MessageKind kind,
            Channel channel,
            String destination,
            String body,
            UUID sourceEventId) {
        return queue(
                clientId,
                Audience.STAFF,
                kind,
                channel,
                destination,
                body,
                sourceEventId,
                Message.idempotencyKey(sourceEventId, kind, channel, recipient),
                null,
                OPT_OUT_HINT);
    }

    private boolean queue(
            UUID clientId,
            Audience audience,
            MessageKind kind,
            Channel channel,
            String destination,
            String body,
            UUID sourceEventId,
            String idempotencyKey,
            @Nullable Instant notBefore,
            String optOutHint) {
        if (repository.existsByIdempotencyKey(idempotencyKey)) {
            return false;
        }
        if (audience == Audience.CLIENT
                && channel == Channel.SMS
                && kind.carriesOptOutHint()
                && !body.contains(optOutHint)
                && firstSms(destination)) {
            body = body + "\n" + optOutHint;
        }
        Instant now = Instant.now(clock);
        // flushed at once: the cap's and the notices' plain SQL of this transaction must see it
        Message message = repository.saveAndFlush(new Message(
                clientId, audience, kind, channel, destination, body, sourceEventId, idempotencyKey, now, notBefore));
        jdbc.update(
                "INSERT INTO message_status_change (message_id, status, changed_at) VALUES (?, 'QUEUED', ?)",
                message.id(),
                Timestamp.from(now));
        count(kind, channel, DeliveryStatus.QUEUED);
        return true;
    }

    /**
     * Whether no client SMS was ever queued to this number. Two first messages queued at the same
     * moment may both carry the hint: a second copy of it costs less than a first message without.
     */
    private boolean firstSms(String destination) {
        return !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM message WHERE channel = 'SMS' AND audience = 'CLIENT' AND destination = ?)",
                Boolean.class,
                destination));
    }

    /** A message that may still take new text: absent, queued and not yet handed to a sender, or gone. */
    public enum Pending {
        ABSENT,
        OPEN,
        SPENT
    }

    /**
     * Locks the message of this key, if any, and says whether its text may still change: QUEUED and
     * no attempt started (the dispatcher's claim skips a locked row, and a claim that committed first
     * has its attempt row, seen here).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Pending lockPending(UUID sourceEventId, MessageKind kind, Channel channel) {
        List<String> status = jdbc.queryForList(
                "SELECT status FROM message WHERE idempotency_key = ? FOR UPDATE",
                String.class,
                Message.idempotencyKey(sourceEventId, kind, channel));
        if (status.isEmpty()) {
            return Pending.ABSENT;
        }
        boolean started = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM delivery_attempt a JOIN message m ON m.id = a.message_id"
                        + " WHERE m.idempotency_key = ?)",
                Boolean.class,
                Message.idempotencyKey(sourceEventId, kind, channel)));
        boolean waiting = status.get(0).equals("QUEUED") || status.get(0).equals("HELD");
        return waiting && !started ? Pending.OPEN : Pending.SPENT;
    }

    /** Gives an OPEN message (see {@link #lockPending}) its new text, keeping its opt-out line. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replaceText(UUID sourceEventId, MessageKind kind, Channel channel, String body, String optOutHint) {
        jdbc.update(
                "UPDATE message SET body = ? || CASE WHEN body LIKE ? THEN ? ELSE '' END, version = version + 1"
                        + " WHERE idempotency_key = ? AND status IN ('QUEUED', 'HELD')",
                body,
                "%\n" + optOutHint,
                "\n" + optOutHint,
                Message.idempotencyKey(sourceEventId, kind, channel));
    }

    /**
     * When the client's capped messages count ({@code cap_at}) from {@code since} on, one time per
     * source (a message on both channels counts once), leaving out {@code source} itself and what
     * was never going to reach the client (cancelled, suppressed).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Instant> capTimes(UUID clientId, Instant since, UUID source) {
        return jdbc
                .queryForList(
                        "SELECT min(cap_at) FROM message WHERE client_id = ? AND cap_at >= ? AND source_event_id <> ?"
                                + " AND status NOT IN ('CANCELLED', 'SUPPRESSED') GROUP BY source_event_id",
                        Timestamp.class,
                        clientId,
                        Timestamp.from(since),
                        source)
                .stream()
                .map(Timestamp::toInstant)
                .toList();
    }

    /**
     * Records when a just queued message counts for the cap and, when the cap moved it ({@code
     * held} = the reason) or left it no time ({@code refused} = the reason), its state: HELD until
     * {@code at}, or SUPPRESSED.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void capped(
            UUID sourceEventId,
            MessageKind kind,
            Channel channel,
            Instant at,
            @Nullable String held,
            @Nullable String refused) {
        String key = Message.idempotencyKey(sourceEventId, kind, channel);
        Instant now = Instant.now(clock);
        String status = held != null ? "HELD" : refused != null ? "SUPPRESSED" : null;
        String detail = held != null ? held : refused;
        List<UUID> ids = jdbc.queryForList(
                "UPDATE message SET cap_at = ?, status = coalesce(?, status), status_detail = coalesce(?, status_detail),"
                        + " next_attempt_at = CASE WHEN ? THEN NULL ELSE next_attempt_at END,"
                        + " status_changed_at = ? WHERE idempotency_key = ? RETURNING id",
                UUID.class,
                refused != null ? null : Timestamp.from(at),
                status,
                detail,
                refused != null,
                Timestamp.from(now),
                key);
        if (status != null) {
            for (UUID id : ids) {
                jdbc.update(
                        "INSERT INTO message_status_change (message_id, status, detail, changed_at) VALUES (?, ?, ?, ?)",
                        id,
                        status,
                        detail,
                        Timestamp.from(now));
                count(kind, channel, DeliveryStatus.valueOf(status));
            }
        }
    }

    /**
     * Cancels the message of this key if it is still QUEUED or HELD; lock it first with {@link
     * #lockPending} and call only when that said OPEN.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancelOpen(UUID sourceEventId, MessageKind kind, Channel channel, String detail) {
        Instant now = Instant.now(clock);
        List<UUID> ids = jdbc.queryForList(
                "UPDATE message SET status = 'CANCELLED', status_detail = ?, status_changed_at = ?,"
                        + " next_attempt_at = NULL, version = version + 1"
                        + " WHERE idempotency_key = ? AND status IN ('QUEUED', 'HELD') RETURNING id",
                UUID.class,
                detail,
                Timestamp.from(now),
                Message.idempotencyKey(sourceEventId, kind, channel));
        cancelled(ids, detail, now);
        ids.forEach(id -> count(kind, channel, DeliveryStatus.CANCELLED));
    }

    /** Cancels a client's messages that have not gone out yet (discharge); returns how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelPending(UUID clientId, String detail) {
        Instant now = Instant.now(clock);
        List<Object[]> cancelled = jdbc.query(
                "UPDATE message SET status = 'CANCELLED', status_detail = ?, status_changed_at = ?,"
                        + " next_attempt_at = NULL, version = version + 1"
                        + " WHERE client_id = ? AND audience = 'CLIENT' AND status IN ('QUEUED', 'HELD')"
                        + " RETURNING id, kind, channel",
                (rs, i) -> new Object[] {rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("channel")},
                detail,
                Timestamp.from(now),
                clientId);
        List<UUID> ids = new java.util.ArrayList<>();
        for (Object[] row : cancelled) {
            ids.add((UUID) row[0]);
            count(MessageKind.valueOf((String) row[1]), Channel.valueOf((String) row[2]), DeliveryStatus.CANCELLED);
        }
        cancelled(ids, detail, now);
        return ids.size();
    }

    /** The history line of messages just cancelled. */
    private void cancelled(List<UUID> ids, String detail, Instant now) {
        for (UUID id : ids) {
            jdbc.update(
                    "INSERT INTO message_status_change (message_id, status, detail, changed_at)"
                            + " VALUES (?, 'CANCELLED', ?, ?)",
                    id,
                    detail,
                    Timestamp.from(now));
        }
    }

    /** The states a message went through, oldest first. */
    @Transactional(readOnly = true)
    public List<StatusChange> history(UUID messageId) {
        return jdbc.query(
                "SELECT status, detail, changed_at FROM message_status_change WHERE message_id = ? ORDER BY id",
                (rs, i) -> new StatusChange(
                        DeliveryStatus.valueOf(rs.getString("status")),
                        rs.getString("detail"),
                        rs.getTimestamp("changed_at").toInstant()),
                messageId);
    }

    @Transactional(readOnly = true)
    public List<Message> forClient(UUID clientId) {
        return repository.findByClientIdOrderByCreatedAtDesc(clientId);
    }

    @Transactional(readOnly = true)
    public Message get(UUID id) {
        return repository.findById(id).orElseThrow(() -> ProblemException.notFound("Message"));
    }
}
