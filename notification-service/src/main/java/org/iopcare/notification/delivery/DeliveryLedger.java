package org.iopcare.notification.delivery;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.iopcare.notification.message.Audience;
import org.iopcare.notification.message.Channel;
import org.iopcare.notification.message.DeliveryStatus;
import org.iopcare.notification.message.MessageKind;
import org.iopcare.notification.work.DeliveryProblemItems;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dispatcher's SQL: claiming due messages (row locks, SKIP LOCKED so several workers and
 * instances never take the same one, then a lease in {@code next_attempt_at} that outlives the
 * transaction), the consents in force, attempts and state changes.
 */
@Repository
class DeliveryLedger {

    /** A claimed message and what the dispatcher needs to send it. */
    record Claimed(
            UUID id,
            UUID clientId,
            Audience audience,
            MessageKind kind,
            Channel channel,
            String destination,
            String body,
            int attempts) {}

    /** The consents in force for a client now. */
    record Consent(boolean sms, boolean email, boolean smsOptedOut, boolean emailOptedOut) {}

    private final JdbcTemplate jdbc;
    private final DeliveryProblemItems problems;
    private final DeliveryReports reports;

    DeliveryLedger(JdbcTemplate jdbc, DeliveryProblemItems problems, DeliveryReports reports) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.problems = problems;
    }

    /**
     * Locks up to {@code limit} due QUEUED messages of one channel, crisis answers first and then
     * the oldest, skipping those other claims hold; in the caller's transaction. Crisis answers go
     * first so that a backlog (a burst of inquiries, a provider that was down) never holds one up.
     */
    List<Claimed> claim(Channel channel, Instant now, int limit) {
        release(channel, now);
        List<Claimed> claimed = new ArrayList<>(claim(channel, " AND kind = 'CRISIS_REPLY'", now, limit));
        if (claimed.size() < limit) {
            claimed.addAll(claim(channel, " AND kind <> 'CRISIS_REPLY'", now, limit - claimed.size()));
        }
        return claimed;
    }

    private List<Claimed> claim(Channel channel, String condition, Instant now, int limit) {
        return jdbc.query(
                """
                SELECT id, client_id, audience, kind, channel, destination, body, attempts
                FROM message
                WHERE status = 'QUEUED' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                  AND channel = ?""" + condition + """

                ORDER BY created_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED""",
                (rs, i) -> new Claimed(
                        rs.getObject("id", UUID.class),
                        rs.getObject("client_id", UUID.class),
                        Audience.valueOf(rs.getString("audience")),
                        MessageKind.valueOf(rs.getString("kind")),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("destination"),
                        rs.getString("body"),
                        rs.getInt("attempts")),
                Timestamp.from(now),
                channel.name(),
                limit);
    }

    /** The consents in force for these clients now, read in the claiming transaction. */
    Map<UUID, Consent> consents(Collection<UUID> clientIds) {
        Map<UUID, Consent> consents = new HashMap<>();
        if (clientIds.isEmpty()) {
            return consents;
        }
        jdbc.query(
                "SELECT client_id, sms_consent, email_consent, sms_opted_out_at, email_opted_out_at FROM recipient"
                        + " WHERE client_id = ANY (?)",
                rs -> {
                    consents.put(
                            rs.getObject("client_id", UUID.class),
                            new Consent(
                                    rs.getBoolean("sms_consent"),
                                    rs.getBoolean("email_consent"),
                                    rs.getTimestamp("sms_opted_out_at") != null,
                                    rs.getTimestamp("email_opted_out_at") != null));
                },
                (Object) clientIds.toArray(UUID[]::new));
        return consents;
    }

    /** Messages the frequency cap held whose time has come are due like any other (history: QUEUED). */
    private void release(Channel channel, Instant now) {
        jdbc.update("""
                WITH released AS (
                    UPDATE message SET status = 'QUEUED', status_changed_at = ?, version = version + 1
                    WHERE status = 'HELD' AND channel = ? AND next_attempt_at <= ?
                    RETURNING id)
                INSERT INTO message_status_change (message_id, status, detail, changed_at)
                SELECT id, 'QUEUED', 'the frequency cap''s time came', ? FROM released""", Timestamp.from(now), channel.name(), Timestamp.from(now), Timestamp.from(now));
    }

    /** Which of these numbers said STOP (and not START since), whoever they belong to. */
    Set<String> optedOutNumbers(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(
                jdbc.queryForList("SELECT phone FROM sms_number_opt_out WHERE phone = ANY (?)", String.class, (Object)
                        numbers.toArray(String[]::new)));
    }

    /** Which of these messages have an attempt that never recorded its answer. */
    Set<UUID> withOpenAttempt(Collection<UUID> messageIds) {
        return new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT message_id FROM delivery_attempt WHERE message_id = ANY (?) AND finished_at IS NULL",
                UUID.class,
                (Object) messageIds.toArray(UUID[]::new)));
    }

    /**
     * Records the next attempt of each message and holds the messages for this instance's sender
     * until {@code leaseUntil} (they are not due before then); in the claiming transaction, which
     * commits before any of them is handed to a provider.
     */
    void startAttempts(List<Claimed> messages, Instant now, Instant leaseUntil) {
        if (messages.isEmpty()) {
            return;
        }
        Timestamp started = Timestamp.from(now);
        jdbc.batchUpdate(
                "INSERT INTO delivery_attempt (message_id, attempt, started_at) VALUES (?, ?, ?)",
                messages,
                messages.size(),
                (statement, message) -> {
                    statement.setObject(1, message.id());
                    statement.setInt(2, message.attempts() + 1);
                    statement.setTimestamp(3, started);
                });
        jdbc.update(
                "UPDATE message SET next_attempt_at = ? WHERE id = ANY (?)",
                Timestamp.from(leaseUntil),
                messages.stream().map(Claimed::id).toArray(UUID[]::new));
    }

    /**
     * Gives back a claimed message that was never handed to a provider (the sender was stopping):
     * its attempt did not happen, so it is due again at once.
     */
    void release(UUID messageId, int attempt) {
        jdbc.update(
                "DELETE FROM delivery_attempt WHERE message_id = ? AND attempt = ? AND finished_at IS NULL",
                messageId,
                attempt);
        jdbc.update("UPDATE message SET next_attempt_at = NULL WHERE id = ? AND status = 'QUEUED'", messageId);
    }

    /**
     * Records the answer of one attempt; false when the attempt was no longer open (its claim ran
     * out and a later claim already marked the message UNKNOWN): then nothing else may be written.
     */
    boolean finishAttempt(UUID messageId, int attempt, String outcome, @Nullable String detail, Instant now) {
        return jdbc.update(
                        "UPDATE delivery_attempt SET finished_at = ?, outcome = ?, detail = ?"
                                + " WHERE message_id = ? AND attempt = ? AND finished_at IS NULL",
                        Timestamp.from(now),
                        outcome,
                        detail,
                        messageId,
                        attempt)
                == 1;
    }

    /** The answer to one attempt, as {@link #finishAttempts} records it. */
    record Answer(UUID messageId, int attempt, String outcome, String detail, Instant at) {}

    /** A message a provider accepted, as {@link #sent} records it. */
    record Sent(UUID messageId, int attempts, String provider, String providerId, Instant at) {}

    /**
     * {@link #finishAttempt} for many answers in one round trip; returns, in their order, whether
     * each attempt was still open (a false one: nothing else may be written for it).
     */
    boolean[] finishAttempts(List<Answer> answers) {
        int[] counts = jdbc.batchUpdate(
                "UPDATE delivery_attempt SET finished_at = ?, outcome = ?, detail = ?"
                        + " WHERE message_id = ? AND attempt = ? AND finished_at IS NULL",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        Answer answer = answers.get(i);
                        statement.setTimestamp(1, Timestamp.from(answer.at()));
                        statement.setString(2, answer.outcome());
                        statement.setString(3, answer.detail());
                        statement.setObject(4, answer.messageId());
                        statement.setInt(5, answer.attempt());
                    }

                    @Override
                    public int getBatchSize() {
                        return answers.size();
                    }
                });
        boolean[] open = new boolean[answers.size()];
        for (int i = 0; i < open.length; i++) {
            open[i] = counts[i] == 1;
        }
        return open;
    }

    /**
     * Moves many accepted messages to SENT at once: {@link #provider} and {@link #moveTo} for each,
     * in a few round trips; what follows a state change (work items, early reports) is the caller's.
     */
    void sent(List<Sent> messages) {
        if (messages.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                UPDATE message SET status = 'SENT', status_detail = NULL, status_changed_at = ?, attempts = ?,
                    provider_message_id = COALESCE(?, provider_message_id), provider = COALESCE(?, provider),
                    next_attempt_at = NULL, version = version + 1
                WHERE id = ?""", messages, messages.size(), (statement, message) -> {
            statement.setTimestamp(1, Timestamp.from(message.at()));
            statement.setInt(2, message.attempts());
            statement.setString(3, message.providerId());
            statement.setString(4, message.provider());
            statement.setObject(5, message.messageId());
        });
        jdbc.batchUpdate(
                "INSERT INTO message_status_change (message_id, status, detail, changed_at) VALUES (?, 'SENT', NULL, ?)",
                messages,
                messages.size(),
                (statement, message) -> {
                    statement.setObject(1, message.messageId());
                    statement.setTimestamp(2, Timestamp.from(message.at()));
                });
    }

    void finishOpenAttempts(UUID messageId, String outcome, String detail, Instant now) {
        jdbc.update(
                "UPDATE delivery_attempt SET finished_at = ?, outcome = ?, detail = ?"
                        + " WHERE message_id = ? AND finished_at IS NULL",
                Timestamp.from(now),
                outcome,
                detail,
                messageId);
    }

    void moveTo(
            UUID messageId,
            DeliveryStatus status,
            @Nullable String detail,
            @Nullable String providerId,
            int attempts,
            Instant now) {
        jdbc.update("""
                UPDATE message SET status = ?, status_detail = ?, status_changed_at = ?, attempts = ?,
                    provider_message_id = COALESCE(?, provider_message_id), next_attempt_at = NULL,
                    version = version + 1
                WHERE id = ?""", status.name(), detail, Timestamp.from(now), attempts, providerId, messageId);
        recordChange(messageId, status, detail, now);
        problems.statusChanged(messageId, status);
        if (providerId != null) {
            // reports that overtook this commit were kept for it
            reports.applyEarly(providerId);
        }
    }

    /** Reconciliation cannot settle the UNKNOWN message (or, for email, has no way to): staff check it. */
    void staysUnknown(UUID messageId) {
        problems.staysUnknown(messageId);
    }

    void provider(UUID messageId, @Nullable String provider) {
        if (provider != null) {
            jdbc.update("UPDATE message SET provider = ? WHERE id = ?", provider, messageId);
        }
    }

    void retryLater(UUID messageId, String detail, int attempts, Instant at, Instant now) {
        // a message cancelled (discharge) while its attempt was under way stays cancelled
        jdbc.update(
                "UPDATE message SET status_detail = ?, attempts = ?, next_attempt_at = ?, version = version + 1"
                        + " WHERE id = ? AND status = 'QUEUED'",
                detail,
                attempts,
                Timestamp.from(at),
                messageId);
        recordChange(messageId, DeliveryStatus.QUEUED, "retry after: " + detail, now);
    }

    void recordChange(UUID messageId, DeliveryStatus status, @Nullable String detail, Instant now) {
        jdbc.update(
                "INSERT INTO message_status_change (message_id, status, detail, changed_at) VALUES (?, ?, ?, ?)",
                messageId,
                status.name(),
                detail,
                Timestamp.from(now));
    }
}
