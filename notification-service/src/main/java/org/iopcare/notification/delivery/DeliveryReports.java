package org.iopcare.notification.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.iopcare.notification.message.DeliveryStatus;
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

    DeliveryReports(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void report(String providerMessageId, String providerStatus) {
        DeliveryStatus reported = switch (providerStatus == null ? "" : providerStatus.toLowerCase(Locale.ROOT)) {
            case "delivered", "read" -> DeliveryStatus.DELIVERED;
            case "undelivered" -> DeliveryStatus.UNDELIVERABLE;
            case "failed" -> DeliveryStatus.FAILED;
            case "accepted", "queued", "sending", "sent", "scheduled" -> DeliveryStatus.SENT;
            default -> throw ProblemException.unprocessable("unknown-status", "MessageStatus is not a known state");
        };
        List<String> current = jdbc.queryForList(
                "SELECT status FROM message WHERE provider_message_id = ? FOR UPDATE", String.class, providerMessageId);
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
        jdbc.update(
                "INSERT INTO message_status_change (message_id, status, detail, changed_at)"
                        + " SELECT id, ?, 'provider report', ? FROM message WHERE provider_message_id = ?",
                reported.name(),
                Timestamp.from(now),
                providerMessageId);
    }
}
