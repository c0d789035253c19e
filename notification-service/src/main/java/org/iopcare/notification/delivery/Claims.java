package org.iopcare.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.iopcare.notification.delivery.DeliveryLedger.Claimed;
import org.iopcare.notification.delivery.DeliveryLedger.Consent;
import org.iopcare.notification.message.Audience;
import org.iopcare.notification.message.Channel;
import org.iopcare.notification.message.DeliveryStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claiming transaction: takes due messages of one channel and decides, with everything read
 * fresh in that transaction, which of them go to a provider. Rows are locked with
 * {@code FOR UPDATE SKIP LOCKED} (workers and instances never share one); a message whose earlier
 * attempt never recorded its answer turns UNKNOWN (never sent again); one without consent, or to
 * a number that said STOP, is SUPPRESSED; while every provider's breaker is open the message waits
 * without spending an attempt. The rest get an attempt row and are leased to this instance
 * ({@code next_attempt_at} = now + {@code claim-lease}, so no other claim sees them due); the
 * transaction commits before any of them is handed to a provider.
 */
@Component
class Claims {

    /** What one claiming transaction decided: how many messages it settled and which to send. */
    record Claim(int handled, List<Claimed> toSend) {}

    private final DeliveryLedger ledger;
    private final SendResults results;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Claims(
            DeliveryLedger ledger,
            SendResults results,
            DeliveryProperties properties,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.ledger = ledger;
        this.results = results;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Claims up to {@code limit} due messages of the channel in one transaction of its own. */
    Claim claim(Channel channel, ChannelSender sender, int limit) {
        return transaction.execute(status -> claimInTransaction(channel, sender, limit));
    }

    /**
     * Gives back a claimed message that was never handed to a provider (the sender was stopping):
     * its attempt did not happen, so it is due again at once.
     */
    void release(Claimed message) {
        transaction.executeWithoutResult(status -> ledger.release(message.id(), message.attempts() + 1));
    }

    private Claim claimInTransaction(Channel channel, ChannelSender sender, int limit) {
        Instant now = Instant.now(clock);
        List<Claimed> claimed = ledger.claim(channel, now, limit);
        if (claimed.isEmpty()) {
            return new Claim(0, List.of());
        }
        Set<UUID> open =
                ledger.withOpenAttempt(claimed.stream().map(Claimed::id).toList());
        Map<UUID, Consent> consents = ledger.consents(
                claimed.stream().map(Claimed::clientId).distinct().toList());
        Set<String> optedOutNumbers = channel == Channel.SMS
                ? ledger.optedOutNumbers(
                        claimed.stream().map(Claimed::destination).distinct().toList())
                : Set.of();
        boolean available = sender.available();
        List<Claimed> toSend = new ArrayList<>();
        for (Claimed message : claimed) {
            if (open.contains(message.id())) {
                // an earlier attempt died between handing the message over and recording the answer;
                // it counts as made (its row holds its number): should reconciliation queue the
                // message again, the next attempt takes the next number
                ledger.finishOpenAttempts(message.id(), "UNKNOWN", "interrupted", now);
                results.finish(
                        message,
                        DeliveryStatus.UNKNOWN,
                        "attempt interrupted; not resent",
                        null,
                        message.attempts() + 1,
                        now);
                continue;
            }
            String refusal = optedOutNumbers.contains(message.destination())
                            && !message.kind().isKeywordReply()
                    ? "number opted out of SMS"
                    : consentRefusal(message, consents.get(message.clientId()));
            if (refusal != null) {
                results.finish(message, DeliveryStatus.SUPPRESSED, refusal, null, message.attempts(), now);
            } else if (!available) {
                // every provider's breaker is open: wait without spending an attempt
                ledger.retryLater(
                        message.id(),
                        "provider circuit open",
                        message.attempts(),
                        now.plus(properties.pollInterval().multipliedBy(10)),
                        now);
            } else {
                toSend.add(message);
            }
        }
        ledger.startAttempts(toSend, now, now.plus(properties.claimLease()));
        return new Claim(claimed.size(), toSend);
    }

    /** Staff alerts go to the clinic's own addresses; a client's message needs the channel's consent. */
    private static @Nullable String consentRefusal(Claimed message, @Nullable Consent consent) {
        if (message.audience() != Audience.CLIENT || message.kind().isKeywordReply()) {
            return null;
        }
        if (consent == null) {
            return "no consent on record";
        }
        return switch (message.channel()) {
            case SMS -> consent.smsOptedOut() ? "opted out of SMS" : consent.sms() ? null : "no SMS consent";
            case EMAIL ->
                consent.emailOptedOut() ? "unsubscribed from email" : consent.email() ? null : "no email consent";
        };
    }
}
