package org.iopcare.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iopcare.notification.delivery.DeliveryLedger.Claimed;
import org.iopcare.notification.delivery.DeliveryLedger.Consent;
import org.iopcare.notification.delivery.SendResults.Result;
import org.iopcare.notification.message.Audience;
import org.iopcare.notification.message.Channel;
import org.iopcare.notification.message.ClinicProperties;
import org.iopcare.notification.message.DeliveryStatus;
import org.iopcare.notification.message.UrgentMessageQueued;
import org.iopcare.notification.optout.UnsubscribeLinks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends QUEUED messages concurrently, each at most once, within every provider's rate.
 *
 * <p>A claiming worker takes a free send slot for each message (at most {@code concurrency} in
 * flight) and a permit of the provider's rate, then claims that many due messages in one short
 * transaction: rows locked with {@code FOR UPDATE SKIP LOCKED} (workers and instances never share
 * one), consent read fresh, an attempt row written and the message leased to this instance
 * ({@code next_attempt_at} = now + {@code claim-lease}, so no other claim sees it due). The
 * transaction commits before the send pool calls the providers; no database connection is held
 * during a call. {@link SendResults} writes the answers. Crash windows:
 * <ul>
 *   <li>before the claim commits: nothing was sent; the locks die with the connection and the
 *       messages are claimed again at once;
 *   <li>after the claim commits, before the answer is written: the provider may have the message.
 *       The next claim after the lease finds the open attempt and marks the message UNKNOWN
 *       instead of sending again (at most once, never twice; reconciliation or staff settle it);
 *   <li>after SENT commits: done; provider reports move it to DELIVERED / FAILED / UNDELIVERABLE.
 * </ul>
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** What one claiming transaction decided: how many messages it settled and which to send. */
    private record Claim(int handled, List<Claimed> toSend) {}

    private final DeliveryLedger ledger;
    private final SendResults results;
    private final Map<Channel, ChannelSender> senders;
    private final DeliveryProperties properties;
    private final ClinicProperties clinic;
    private final Clock clock;
    private final TransactionTemplate claim;
    private final Semaphore slots;
    private final Object idle = new Object();
    private final AtomicInteger rounds = new AtomicInteger();
    private boolean woken;
    private volatile boolean running;
    private volatile List<Thread> workers = List.of();
    private volatile ExecutorService pool;
    private final UnsubscribeLinks unsubscribe;

    Dispatcher(
            DeliveryLedger ledger,
            SendResults results,
            List<ChannelSender> senders,
            DeliveryProperties properties,
            ClinicProperties clinic,
            Clock clock,
            MeterRegistry meters,
            PlatformTransactionManager transactions,
            UnsubscribeLinks unsubscribe) {
        this.unsubscribe = unsubscribe;
        this.ledger = ledger;
        this.results = results;
        this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        this.properties = properties;
        this.clinic = clinic;
        this.clock = clock;
        this.claim = new TransactionTemplate(transactions);
        this.slots = new Semaphore(properties.concurrency());
        meters.gauge(
                "iopcare.notification.delivery.in.flight", slots, s -> properties.concurrency() - s.availablePermits());
    }

    private void work() {
        while (running) {
            try {
                Duration wait = round();
                if (!wait.isZero()) {
                    rest(wait);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // no message content here: the exception type says enough (database down, usually)
                log.warn("Delivery round failed: {}", e.getClass().getName());
                try {
                    rest(properties.pollInterval());
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }
    }

    /**
     * Claims and hands over as many due messages as there are free slots and permits; returns how
     * long to rest before the next round (zero when there may be more to do now).
     */
    private Duration round() throws InterruptedException {
        if (!slots.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
            return Duration.ZERO;
        }
        int taken = 1;
        while (taken < properties.batchSize() && slots.tryAcquire()) {
            taken++;
        }
        int used = 0;
        int handled = 0;
        Duration wait = properties.pollInterval();
        try {
            // the channels take turns at going first, so neither can fill every slot round after round
            List<Channel> order = new ArrayList<>(List.of(Channel.values()));
            java.util.Collections.rotate(order, rounds.incrementAndGet());
            for (Channel channel : order) {
                ChannelSender sender = senders.get(channel);
                int left = taken - used;
                if (sender == null || left == 0) {
                    continue;
                }
                SendPermits permits = sender.permits();
                int granted = permits.take(left);
                if (granted == 0) {
                    Duration next = permits.untilNext();
                    wait = next.compareTo(wait) < 0 ? next : wait;
                    continue;
                }
                Claim claimed;
                try {
                    claimed = claim.execute(status -> claim(channel, sender, granted));
                } catch (RuntimeException e) {
                    permits.giveBack(granted);
                    throw e;
                }
                permits.giveBack(granted - claimed.toSend().size());
                handled += claimed.handled();
                for (Claimed message : claimed.toSend()) {
                    used++;
                    hand(sender, message);
                }
            }
        } finally {
            slots.release(taken - used);
        }
        return handled > 0 ? Duration.ZERO : wait;
    }

    private Claim claim(Channel channel, ChannelSender sender, int limit) {
        Instant now = Instant.now(clock);
        List<Claimed> claimed = ledger.claim(channel, now, limit);
        if (claimed.isEmpty()) {
            return new Claim(0, List.of());
        }
        var open = ledger.withOpenAttempt(claimed.stream().map(Claimed::id).toList());
        Map<java.util.UUID, Consent> consents = ledger.consents(
                claimed.stream().map(Claimed::clientId).distinct().toList());
        java.util.Set<String> optedOutNumbers = channel == Channel.SMS
                ? ledger.optedOutNumbers(
                        claimed.stream().map(Claimed::destination).distinct().toList())
                : java.util.Set.of();
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

    /** Hands a claimed message to the send pool; its slot is freed when the answer is queued for writing. */
    private void hand(ChannelSender sender, Claimed message) {
        try {
            pool.execute(() -> send(sender, message));
        } catch (RejectedExecutionException stopping) {
            // never handed to a provider: the attempt did not happen
            slots.release();
            claim.executeWithoutResult(status -> ledger.release(message.id(), message.attempts() + 1));
        }
    }

    private void send(ChannelSender sender, Claimed message) {
        try {
            SendOutcome outcome;
            try {
                outcome = sender.send(new Outgoing(
                        message.id(),
                        message.channel(),
                        message.destination(),
                        "A message from " + clinic.clinic().name(),
                        message.body(),
                        message.channel() == Channel.EMAIL && message.audience() == Audience.CLIENT
                                ? unsubscribe.header(message.clientId())
                                : null));
            } catch (RuntimeException e) {
                outcome = new SendOutcome.Unknown("unexpected " + e.getClass().getSimpleName());
            }
            results.add(new Result(message, message.attempts() + 1, outcome, Instant.now(clock)));
        } finally {
            slots.release();
        }
    }

    /** A crisis answer was committed: an idle worker claims it now instead of after its poll interval. */
    @org.springframework.transaction.event.TransactionalEventListener
    void on(UrgentMessageQueued queued) {
        synchronized (idle) {
            woken = true;
            idle.notifyAll();
        }
    }

    private void rest(Duration wait) throws InterruptedException {
        synchronized (idle) {
            if (!woken) {
                idle.wait(Math.max(1, wait.toMillis()));
            }
            woken = false;
        }
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        AtomicInteger number = new AtomicInteger();
        pool = Executors.newFixedThreadPool(properties.concurrency(), task -> {
            Thread thread = new Thread(task, "dispatcher-send-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        results.start();
        running = true;
        List<Thread> started = new ArrayList<>();
        for (int i = 1; i <= properties.workers(); i++) {
            Thread worker = new Thread(this::work, "dispatcher-" + i);
            worker.setDaemon(true);
            worker.start();
            started.add(worker);
        }
        workers = started;
    }

    /** Claims stop first, then the sends in flight finish, then their answers are written. */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            for (Thread worker : workers) {
                worker.interrupt();
                worker.join(TimeUnit.SECONDS.toMillis(10));
            }
            ExecutorService sending = pool;
            sending.shutdown();
            sending.awaitTermination(30, TimeUnit.SECONDS);
            results.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers = List.of();
        pool = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
