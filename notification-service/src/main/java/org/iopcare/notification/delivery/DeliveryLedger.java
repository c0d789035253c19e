package org.iopcare.notification.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.notification.message.Audience;
import org.iopcare.notification.message.Channel;
import org.iopcare.notification.message.DeliveryStatus;
import org.iopcare.notification.message.MessageKind;
import org.iopcare.notification.work.DeliveryProblemItems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dispatcher's SQL: claiming a due message (row lock, SKIP LOCKED so several workers and
 * instances never take the same one), the consent in force, attempts and state changes.
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
    record Consent(boolean sms, boolean email, boolean smsOptedOut) {}

    private final JdbcTemplate jdbc;
    private final DeliveryProblemItems problems;

    DeliveryLedger(JdbcTemplate jdbc, DeliveryProblemItems problems) {
        this.jdbc = jdbc;
        this.problems = problems;
    }

    /**
     * Locks the oldest due QUEUED crisis answer or, when there is none, the oldest due QUEUED
     * message, skipping those other workers hold; in the caller's transaction. Crisis answers go
     * first so that a backlog (a burst of inquiries, a provider that was down) never holds one up.
     */
    Optional<Claimed> claimNext(Instant now) {
        Optional<Claimed> crisis = claim(" AND kind = 'CRISIS_REPLY'", now);
        return crisis.isPresent() ? crisis : claim("", now);
    }

    private Optional<Claimed> claim(String condition, Instant now) {
        List<Claimed> rows = jdbc.query(
                """
                SELECT id, client_id, audience, kind, channel, destination, body, attempts
                FROM message
                WHERE status = 'QUEUED' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)""" + condition + """

                ORDER BY created_at
                LIMIT 1
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
                Timestamp.from(now));
        return rows.stream().findFirst();
    }

    /** Read fresh for every send, so a STOP committed a moment ago stops this very send. */
    Optional<Consent> consent(UUID clientId) {
        return jdbc
                .query(
                        "SELECT sms_consent, email_consent, sms_opted_out_at FROM recipient WHERE client_id = ?",
                        (rs, i) -> new Consent(
                                rs.getBoolean("sms_consent"),
                                rs.getBoolean("email_consent"),
                                rs.getTimestamp("sms_opted_out_at") != null),
                        clientId)
                .stream()
                .findFirst();
    }

    boolean hasOpenAttempt(UUID messageId) {
        Integer open = jdbc.queryForObject(
                "SELECT count(*) FROM delivery_attempt WHERE message_id = ? AND finished_at IS NULL",
                Integer.class,
                messageId);
        return open != null && open > 0;
    }

    /** Meant for its own, already committed transaction: it must survive a crash of the send. */
    void startAttempt(UUID messageId, int attempt, Instant now) {
        jdbc.update(
                "INSERT INTO delivery_attempt (message_id, attempt, started_at) VALUES (?, ?, ?)",
                messageId,
                attempt,
                Timestamp.from(now));
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

    void moveTo(UUID messageId, DeliveryStatus status, String detail, String providerId, int attempts, Instant now) {
        jdbc.update("""
                UPDATE message SET status = ?, status_detail = ?, status_changed_at = ?, attempts = ?,
                    provider_message_id = COALESCE(?, provider_message_id), next_attempt_at = NULL,
                    version = version + 1
                WHERE id = ?""", status.name(), detail, Timestamp.from(now), attempts, providerId, messageId);
        recordChange(messageId, status, detail, now);
        problems.statusChanged(messageId, status);
    }

    /** Reconciliation cannot settle the UNKNOWN message (or, for email, has no way to): staff check it. */
    void staysUnknown(UUID messageId) {
        problems.staysUnknown(messageId);
    }

    void provider(UUID messageId, String provider) {
        if (provider != null) {
            jdbc.update("UPDATE message SET provider = ? WHERE id = ?", provider, messageId);
        }
    }

    void retryLater(UUID messageId, String detail, int attempts, Instant at, Instant now) {
        jdbc.update(
                "UPDATE message SET status_detail = ?, attempts = ?, next_attempt_at = ?, version = version + 1"
                        + " WHERE id = ?",
                detail,
                attempts,
                Timestamp.from(at),
                messageId);
        recordChange(messageId, DeliveryStatus.QUEUED, "retry after: " + detail, now);
    }

    void recordChange(UUID messageId, DeliveryStatus status, String detail, Instant now) {
        jdbc.update(
                "INSERT INTO message_status_change (message_id, status, detail, changed_at) VALUES (?, ?, ?, ?)",
                messageId,
                status.name(),
                detail,
                Timestamp.from(now));
    }
}
