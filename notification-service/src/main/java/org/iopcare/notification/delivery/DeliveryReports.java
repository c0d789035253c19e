package org.iopcare.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.iopcare.notification.message.DeliveryStatus;
import org.iopcare.notification.work.DeliveryProblemItems;
import org.iopcare.support.web.ProblemException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's delivery reports. Idempotent and monotonic: a report replayed, or arriving after
 * a later one, changes nothing; intermediate reports ({@code queued}, {@code sending}, {@code sent})
 * add nothing to SENT.
 */
@Service
public class DeliveryReports {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MeterRegistry meters;
    private final DeliveryProblemItems problems;

    DeliveryReports(JdbcTemplate jdbc, Clock clock, MeterRegistry meters, DeliveryProblemItems problems) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
        this.problems = problems;
    }

    /** A Twilio message status as a delivery state; null when unknown. */
    static DeliveryStatus map(String providerStatus) {
        return switch (providerStatus == null ? "" : providerStatus.toLowerCase(Locale.ROOT)) {
            case "delivered", "read" -> DeliveryStatus.DELIVERED;
            case "undelivered" -> DeliveryStatus.UNDELIVERABLE;
            case "failed" -> DeliveryStatus.FAILED;
            case "accepted", "queued", "sending", "sent", "scheduled" -> DeliveryStatus.SENT;
            default -> null;
        };
    }

    @Transactional
    public void report(String providerMessageId, String providerStatus) {
        DeliveryStatus reported = map(providerStatus);
        if (reported == null) {
            throw ProblemException.unprocessable("unknown-status", "MessageStatus is not a known state");
        }
        List<String[]> rows = jdbc.query(
                "SELECT status, kind, channel FROM message WHERE provider_message_id = ? FOR UPDATE",
                (rs, i) -> new String[] {rs.getString("status"), rs.getString("kind"), rs.getString("channel")},
                providerMessageId);
        List<String> current = rows.stream().map(r -> r[0]).toList();
        if (current.isEmpty()) {
            // the report can overtake the commit of SENT: 409 asks a retrying provider to come back
            throw ProblemException.conflict("unknown-message", "No sent message has this MessageSid (yet)");
        }
        if (!DeliveryStatus.valueOf(current.get(0)).canMoveTo(reported)) {
            return;
        }
        Instant now = Instant.now(clock);
        jdbc.update(
                "UPDATE message SET status = ?, status_detail = ?, status_changed_at = ?, version = version + 1"
                        + " WHERE provider_message_id = ?",
                reported.name(),
                "provider report",
                Timestamp.from(now),
                providerMessageId);
        List<UUID> changed = jdbc.queryForList(
                "INSERT INTO message_status_change (message_id, status, detail, changed_at)"
                        + " SELECT id, ?, 'provider report', ? FROM message WHERE provider_message_id = ?"
                        + " RETURNING message_id",
                UUID.class,
                reported.name(),
                Timestamp.from(now),
                providerMessageId);
        changed.forEach(id -> problems.statusChanged(id, reported));
        meters.counter(
                        "iopcare.notification.messages",
                        "kind",
                        rows.get(0)[1],
                        "channel",
                        rows.get(0)[2],
                        "status",
                        reported.name())
                .increment();
    }
}
