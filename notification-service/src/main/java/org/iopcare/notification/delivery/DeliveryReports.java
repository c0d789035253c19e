package org.iopcare.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.iopcare.notification.message.DeliveryStatus;
import org.iopcare.notification.work.DeliveryProblemItems;
import org.iopcare.support.db.TransactionLocks;
import org.iopcare.support.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's delivery reports. Idempotent and monotonic: a report replayed, or arriving after
 * a later one, changes nothing; intermediate reports ({@code queued}, {@code sending}, {@code sent})
 * add nothing to SENT. A report can overtake the commit of SENT (the provider calls back while the
 * answer to the send is still being written): it is kept ({@code early_delivery_report}) and
 * applied by the transaction that records the provider's id. Both take a transaction lock on the
 * provider's id first, so whichever comes second sees what the first committed.
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
    static @Nullable DeliveryStatus map(@Nullable String providerStatus) {
        return switch (providerStatus == null ? "" : providerStatus.toLowerCase(Locale.ROOT)) {
            case "delivered", "read" -> DeliveryStatus.DELIVERED;
            case "undelivered" -> DeliveryStatus.UNDELIVERABLE;
            case "failed" -> DeliveryStatus.FAILED;
            case "accepted", "queued", "sending", "sent", "scheduled" -> DeliveryStatus.SENT;
            default -> null;
        };
    }

    /** How long a report for a provider id no message has is kept. */
    static final Duration EARLY_REPORTS_KEPT = Duration.ofDays(1);

    @Transactional
    public void report(String providerMessageId, String providerStatus) {
        DeliveryStatus reported = map(providerStatus);
        if (reported == null) {
            throw ProblemException.unprocessable("unknown-status", "MessageStatus is not a known state");
        }
        if (providerMessageId.length() > 64) {
            throw ProblemException.unprocessable("unknown-message", "MessageSid is not a provider message id");
        }
        lock(providerMessageId);
        if (!apply(providerMessageId, reported, "provider report")) {
            Instant now = Instant.now(clock);
            jdbc.update(
                    "INSERT INTO early_delivery_report (provider_message_id, status, received_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    providerMessageId,
                    reported.name(),
                    Timestamp.from(now));
            jdbc.update(
                    "DELETE FROM early_delivery_report WHERE received_at < ?",
                    Timestamp.from(now.minus(EARLY_REPORTS_KEPT)));
            meters.counter("iopcare.notification.delivery.reports.early").increment();
        }
    }

    /**
     * Applies the reports that arrived before this provider id was recorded, oldest first; call in
     * the transaction that records it, after the update.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void applyEarly(String providerMessageId) {
        lock(providerMessageId);
        List<String> early = jdbc
                .queryForList(
                        "DELETE FROM early_delivery_report WHERE provider_message_id = ? RETURNING status, received_at",
                        providerMessageId)
                .stream()
                .sorted(java.util.Comparator.comparing(row -> (java.util.Date) row.get("received_at")))
                .map(row -> (String) row.get("status"))
                .toList();
        for (String status : early) {
            apply(providerMessageId, DeliveryStatus.valueOf(status), "provider report (before the send was recorded)");
        }
    }

    /**
     * {@link #applyEarly(String)} for many provider ids: their locks in one round trip (in a fixed
     * order), then the reports kept for any of them, which are rare.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void applyEarly(Collection<String> providerMessageIds) {
        if (providerMessageIds.isEmpty()) {
            return;
        }
        String[] names = providerMessageIds.stream()
                .map(id -> "provider-message:" + id)
                .sorted()
                .toArray(String[]::new);
        // TransactionLocks' lock, taken for every name in one statement, in the array's order
        jdbc.queryForObject(
                "SELECT count(pg_advisory_xact_lock(hashtextextended(name, 0))::text) FROM unnest(?::text[]) AS name",
                Long.class,
                (Object) names);
        List<String> kept = jdbc.queryForList(
                "SELECT DISTINCT provider_message_id FROM early_delivery_report WHERE provider_message_id = ANY (?)",
                String.class,
                (Object) providerMessageIds.toArray(String[]::new));
        kept.forEach(this::applyEarly);
    }

    private void lock(String providerMessageId) {
        TransactionLocks.lock(jdbc, "provider-message:" + providerMessageId);
    }

    /** Moves the messages of this provider id on; false when no message has it (yet). */
    private boolean apply(String providerMessageId, DeliveryStatus reported, String detail) {
        List<String[]> rows = jdbc.query(
                "SELECT status, kind, channel FROM message WHERE provider_message_id = ? FOR UPDATE",
                (rs, i) -> new String[] {rs.getString("status"), rs.getString("kind"), rs.getString("channel")},
                providerMessageId);
        List<String> current = rows.stream().map(r -> r[0]).toList();
        if (current.isEmpty()) {
            return false;
        }
        if (!DeliveryStatus.valueOf(current.get(0)).canMoveTo(reported)) {
            return true;
        }
        Instant now = Instant.now(clock);
        jdbc.update(
                "UPDATE message SET status = ?, status_detail = ?, status_changed_at = ?, version = version + 1"
                        + " WHERE provider_message_id = ?",
                reported.name(),
                detail,
                Timestamp.from(now),
                providerMessageId);
        List<UUID> changed = jdbc.queryForList(
                "INSERT INTO message_status_change (message_id, status, detail, changed_at)"
                        + " SELECT id, ?, ?, ? FROM message WHERE provider_message_id = ?"
                        + " RETURNING message_id",
                UUID.class,
                reported.name(),
                detail,
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
        return true;
    }
}
