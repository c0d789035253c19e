package org.iopcare.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iopcare.notification.delivery.DeliveryLedger.Claimed;
import org.iopcare.notification.delivery.DeliveryLedger.Consent;
import org.iopcare.notification.message.Audience;
import org.iopcare.notification.message.Channel;
import org.iopcare.notification.message.ClinicProperties;
import org.iopcare.notification.message.DeliveryStatus;
import org.iopcare.notification.message.UrgentMessageQueued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends QUEUED messages, each at most once.
 *
 * <p>One message per transaction: the row is claimed with {@code FOR UPDATE SKIP LOCKED} (workers
 * and instances never share one), consent is read fresh, an attempt row is committed in its own
 * transaction, the provider is called, and the outcome (SENT, retry later, FAILED, UNDELIVERABLE,
 * UNKNOWN) is written in the claiming transaction. Crash windows:
 * <ul>
 *   <li>before the attempt row commits: nothing was sent; the row lock dies with the connection and
 *       the message is claimed again later;
 *   <li>after the attempt row commits, before the provider answers or before SENT commits: the
 *       provider may have the message. The next claim finds the open attempt and marks the message
 *       UNKNOWN instead of sending again (at most once, never twice; staff see it);
 *   <li>after SENT commits: done; provider reports move it to DELIVERED / FAILED / UNDELIVERABLE.
 * </ul>
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MESSAGES_PER_ROUND = 200;

    private final DeliveryLedger ledger;
    private final Map<Channel, ChannelSender> senders;
    private final DeliveryProperties properties;
    private final ClinicProperties clinic;
    private final Clock clock;
    private final MeterRegistry meters;
    private final TransactionTemplate claim;
    private final TransactionTemplate ownTransaction;
    private final Backoff backoff;
    private volatile ScheduledExecutorService workers;

    Dispatcher(
            DeliveryLedger ledger,
            List<ChannelSender> senders,
            DeliveryProperties properties,
            ClinicProperties clinic,
            Clock clock,
            MeterRegistry meters,
            PlatformTransactionManager transactions) {
        this.ledger = ledger;
        this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        this.properties = properties;
        this.clinic = clinic;
        this.clock = clock;
        this.meters = meters;
        this.claim = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.backoff = new Backoff(
                properties.initialBackoff(),
                properties.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Sends due messages until none is left or a round is full; returns how many it handled. */
    int deliverDue() {
        int handled = 0;
        while (handled < MESSAGES_PER_ROUND && Boolean.TRUE.equals(claim.execute(status -> deliverOne()))) {
            handled++;
        }
        return handled;
    }

    private boolean deliverOne() {
        Instant now = Instant.now(clock);
        Optional<Claimed> next = ledger.claimNext(now);
        if (next.isEmpty()) {
            return false;
        }
        Claimed message = next.get();
        if (ledger.hasOpenAttempt(message.id())) {
            // an earlier attempt died between handing the message over and recording the answer
            ledger.finishOpenAttempts(message.id(), "UNKNOWN", "interrupted", now);
            finish(message, DeliveryStatus.UNKNOWN, "attempt interrupted; not resent", null, message.attempts(), now);
            return true;
        }
        String refusal = consentRefusal(message);
        if (refusal != null) {
            finish(message, DeliveryStatus.SUPPRESSED, refusal, null, message.attempts(), now);
            return true;
        }
        ChannelSender sender = senders.get(message.channel());
        if (!sender.available()) {
            // every provider's breaker is open: wait without spending an attempt
            ledger.retryLater(
                    message.id(),
                    "provider circuit open",
                    message.attempts(),
                    now.plus(properties.pollInterval().multipliedBy(10)),
                    now);
            return true;
        }
        int attempt = message.attempts() + 1;
        ownTransaction.executeWithoutResult(s -> ledger.startAttempt(message.id(), attempt, now));
        SendOutcome outcome = sender.send(new Outgoing(
                message.id(),
                message.channel(),
                message.destination(),
                "A message from " + clinic.clinic().name(),
                message.body()));
        Instant done = Instant.now(clock);
        if (outcome instanceof SendOutcome.Accepted accepted) {
            ledger.finishOpenAttempts(message.id(), "ACCEPTED", null, done);
            ledger.provider(message.id(), accepted.provider());
            finish(message, DeliveryStatus.SENT, null, accepted.providerId(), attempt, done);
        } else if (outcome instanceof SendOutcome.Rejected rejected) {
            ledger.finishOpenAttempts(message.id(), "REJECTED", rejected.detail(), done);
            finish(message, DeliveryStatus.UNDELIVERABLE, rejected.detail(), null, attempt, done);
        } else if (outcome instanceof SendOutcome.Retryable retryable) {
            ledger.finishOpenAttempts(message.id(), "RETRYABLE", retryable.detail(), done);
            meters.counter(
                            "iopcare.notification.provider.errors",
                            "channel",
                            message.channel().name())
                    .increment();
            if (attempt >= properties.maxAttempts()) {
                finish(message, DeliveryStatus.FAILED, retryable.detail(), null, attempt, done);
            } else {
                ledger.retryLater(message.id(), retryable.detail(), attempt, done.plus(backoff.after(attempt)), done);
            }
        } else {
            String detail = ((SendOutcome.Unknown) outcome).detail();
            ledger.finishOpenAttempts(message.id(), "UNKNOWN", detail, done);
            finish(message, DeliveryStatus.UNKNOWN, detail, null, attempt, done);
        }
        return true;
    }

    /** Staff alerts go to the clinic's own addresses; a client's message needs the channel's consent. */
    private String consentRefusal(Claimed message) {
        if (message.audience() != Audience.CLIENT || message.kind().isKeywordReply()) {
            return null;
        }
        Optional<Consent> consent = ledger.consent(message.clientId());
        if (consent.isEmpty()) {
            return "no consent on record";
        }
        return switch (message.channel()) {
            case SMS ->
                consent.get().smsOptedOut() ? "opted out of SMS" : consent.get().sms() ? null : "no SMS consent";
            case EMAIL -> consent.get().email() ? null : "no email consent";
        };
    }

    private void finish(
            Claimed message, DeliveryStatus status, String detail, String providerId, int attempts, Instant now) {
        ledger.moveTo(message.id(), status, detail, providerId, attempts, now);
        if (status == DeliveryStatus.UNKNOWN && message.channel() == Channel.EMAIL) {
            // SMTP has no lookup: no reconciliation will settle it
            ledger.staysUnknown(message.id());
        }
        meters.counter(
                        "iopcare.notification.messages",
                        "kind",
                        message.kind().name(),
                        "channel",
                        message.channel().name(),
                        "status",
                        status.name())
                .increment();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        AtomicInteger number = new AtomicInteger();
        workers = Executors.newScheduledThreadPool(properties.workers(), task -> {
            Thread thread = new Thread(task, "dispatcher-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        for (int i = 0; i < properties.workers(); i++) {
            workers.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    /** A crisis answer was committed: an idle worker sends it now instead of after its poll interval. */
    @TransactionalEventListener
    void on(UrgentMessageQueued queued) {
        ScheduledExecutorService running = workers;
        if (running != null) {
            try {
                running.execute(this::round);
            } catch (RejectedExecutionException stopping) {
                // shutting down: the message stays QUEUED for the next start
            }
        }
    }

    private void round() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // no message content here: the exception type says enough (database down, usually)
            log.warn("Delivery round failed: {}", e.getClass().getName());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = workers;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers = null;
        }
    }

    @Override
    public boolean isRunning() {
        return workers != null;
    }
}
