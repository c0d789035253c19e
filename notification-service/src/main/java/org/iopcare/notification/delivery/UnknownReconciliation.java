package org.iopcare.notification.delivery;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.notification.delivery.TwilioSms.ProviderMessage;
import org.iopcare.notification.message.DeliveryStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles UNKNOWN SMS by asking the provider, never by sending blindly:
 * <ul>
 *   <li>with the provider's id (the answer came, the report did not): its status lookup;
 *   <li>without one (the request timed out): the provider's list of messages to that number, matched
 *       on the exact text and a creation time around the attempt. One match: the message was sent,
 *       it takes that id and state. No match, still none {@code absent-for} after the attempt: the
 *       provider never got it, so it is queued for one more send. Several matches: left UNKNOWN
 *       for staff.
 * </ul>
 * Email has no status lookup: an UNKNOWN email stays UNKNOWN for staff. A provider that cannot be
 * asked leaves everything as it is until the next run.
 */
@Configuration(proxyBeanMethods = false)
class UnknownReconciliation {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    /** An UNKNOWN SMS, locked for this run. */
    record Unknown(
            UUID id,
            String kind,
            String destination,
            String body,
            @Nullable String provider,
            @Nullable String providerId,
            int attempts,
            Instant since) {}

    @Bean
    RecurringTask<Void> reconcileUnknownTask(
            SmsChannel sms,
            DeliveryLedger ledger,
            JdbcTemplate jdbc,
            ReconciliationProperties properties,
            SmsProviderProperties provider,
            Clock clock,
            MeterRegistry meters,
            PlatformTransactionManager transactions) {
        Reconciler reconciler = new Reconciler(sms, ledger, jdbc, properties, provider.readTimeout(), clock, meters);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        return Tasks.recurring("reconcile-unknown-sms", FixedDelay.of(properties.interval()))
                .execute((instance, context) -> transaction.executeWithoutResult(status -> reconciler.run()));
    }

    /** One run: every UNKNOWN SMS old enough, each decided on its own. */
    static final class Reconciler {

        private final SmsChannel sms;
        private final DeliveryLedger ledger;
        private final JdbcTemplate jdbc;
        private final ReconciliationProperties properties;
        private final Duration readTimeout;
        private final Clock clock;
        private final MeterRegistry meters;

        Reconciler(
                SmsChannel sms,
                DeliveryLedger ledger,
                JdbcTemplate jdbc,
                ReconciliationProperties properties,
                Duration readTimeout,
                Clock clock,
                MeterRegistry meters) {
            this.sms = sms;
            this.ledger = ledger;
            this.jdbc = jdbc;
            this.properties = properties;
            this.readTimeout = readTimeout;
            this.clock = clock;
            this.meters = meters;
        }

        void run() {
            Instant now = Instant.now(clock);
            List<Unknown> unknown = jdbc.query(
                    """
                    SELECT id, kind, destination, body, provider, provider_message_id, attempts, status_changed_at
                    FROM message WHERE status = 'UNKNOWN' AND channel = 'SMS' AND status_changed_at <= ?
                    ORDER BY status_changed_at LIMIT 20 FOR UPDATE SKIP LOCKED""",
                    (rs, i) -> new Unknown(
                            rs.getObject("id", UUID.class),
                            rs.getString("kind"),
                            rs.getString("destination"),
                            rs.getString("body"),
                            rs.getString("provider"),
                            rs.getString("provider_message_id"),
                            rs.getInt("attempts"),
                            rs.getTimestamp("status_changed_at").toInstant()),
                    Timestamp.from(now.minus(properties.after())));
            for (Unknown message : unknown) {
                String outcome;
                try {
                    outcome = reconcile(message, now);
                } catch (RuntimeException e) {
                    outcome = "provider_unavailable";
                }
                meters.counter("iopcare.notification.reconciliations", "outcome", outcome)
                        .increment();
            }
        }

        private String reconcile(Unknown message, Instant now) {
            if (message.providerId() != null) {
                Optional<TwilioSms> api = sms.provider(message.provider());
                if (api.isEmpty()) {
                    return "provider_gone";
                }
                Optional<ProviderMessage> found = api.get().lookup(message.providerId());
                return found.map(m -> settle(message, m, api.get().name(), now)).orElse("not_found");
            }
            Instant attempt = jdbc.queryForObject(
                            "SELECT max(started_at) FROM delivery_attempt WHERE message_id = ?",
                            Timestamp.class,
                            message.id())
                    .toInstant();
            Instant from = attempt.minus(CLOCK_SKEW);
            Instant to = attempt.plus(readTimeout).plus(CLOCK_SKEW);
            List<ProviderMessage> matches = new ArrayList<>();
            String matchedProvider = null;
            for (TwilioSms api : sms.apis()) {
                for (ProviderMessage m : api.sentTo(message.destination(), from)) {
                    if (message.body().equals(m.body())
                            && m.created() != null
                            && !m.created().isBefore(from)
                            && !m.created().isAfter(to)) {
                        matches.add(m);
                        matchedProvider = api.name();
                    }
                }
            }
            if (matches.size() == 1) {
                return settle(message, matches.get(0), matchedProvider, now);
            }
            if (matches.size() > 1) {
                ledger.recordChange(
                        message.id(), DeliveryStatus.UNKNOWN, "several provider messages match: staff to check", now);
                ledger.staysUnknown(message.id());
                return "ambiguous";
            }
            if (now.isBefore(attempt.plus(properties.absentFor()))) {
                return "not_yet";
            }
            ledger.finishOpenAttempts(message.id(), "NOT_AT_PROVIDER", "provider has no such message", now);
            ledger.moveTo(
                    message.id(),
                    DeliveryStatus.QUEUED,
                    "reconciled: the provider never received it; sending again",
                    null,
                    message.attempts(),
                    now);
            return "requeued";
        }

        private String settle(Unknown message, ProviderMessage found, String provider, Instant now) {
            DeliveryStatus status = DeliveryReports.map(found.status());
            if (status == null) {
                return "unknown_status";
            }
            ledger.finishOpenAttempts(message.id(), "RECONCILED", "provider status " + found.status(), now);
            ledger.provider(message.id(), provider);
            ledger.moveTo(message.id(), status, "reconciled with the provider", found.sid(), message.attempts(), now);
            meters.counter(
                            "iopcare.notification.messages",
                            "kind",
                            message.kind(),
                            "channel",
                            "SMS",
                            "status",
                            status.name())
                    .increment();
            return "settled";
        }
    }
}
