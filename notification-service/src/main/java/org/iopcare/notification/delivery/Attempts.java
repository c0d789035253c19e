package org.iopcare.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import org.iopcare.notification.delivery.DeliveryLedger.Claimed;
import org.iopcare.notification.delivery.SendResults.Result;
import org.iopcare.notification.message.Audience;
import org.iopcare.notification.message.Channel;
import org.iopcare.notification.message.ClinicProperties;
import org.iopcare.notification.optout.UnsubscribeLinks;
import org.springframework.stereotype.Component;

/**
 * One attempt of one claimed message: the message as the provider gets it (the same idempotency
 * key, the message id, on every attempt), the call, and its answer queued for {@link SendResults}.
 * Runs on the send pool, outside any transaction; an exception the sender did not classify is an
 * UNKNOWN outcome (the provider may have the message), never a reason to send again.
 */
@Component
class Attempts {

    private final SendResults results;
    private final ClinicProperties clinic;
    private final UnsubscribeLinks unsubscribe;
    private final Clock clock;

    Attempts(SendResults results, ClinicProperties clinic, UnsubscribeLinks unsubscribe, Clock clock) {
        this.results = results;
        this.clinic = clinic;
        this.unsubscribe = unsubscribe;
        this.clock = clock;
    }

    void make(ChannelSender sender, Claimed message) {
        SendOutcome outcome;
        try {
            outcome = sender.send(outgoing(message));
        } catch (RuntimeException e) {
            outcome = new SendOutcome.Unknown("unexpected " + e.getClass().getSimpleName());
        }
        results.add(new Result(message, message.attempts() + 1, outcome, Instant.now(clock)));
    }

    private Outgoing outgoing(Claimed message) {
        return new Outgoing(
                message.id(),
                message.channel(),
                message.destination(),
                "A message from " + clinic.clinic().name(),
                message.body(),
                message.channel() == Channel.EMAIL && message.audience() == Audience.CLIENT
                        ? unsubscribe.header(message.clientId())
                        : null);
    }
}
