package org.iopcare.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iopcare.notification.delivery.Claims.Claim;
import org.iopcare.notification.delivery.DeliveryLedger.Claimed;
import org.iopcare.notification.message.Channel;
import org.iopcare.notification.message.UrgentMessageQueued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends QUEUED messages concurrently, each at most once, within every provider's rate.
 *
 * <p>A claiming worker takes a free send slot for each message (at most {@code concurrency} in
 * flight) and a permit of the provider's rate, then has {@link Claims} claim that many due
 * messages in one short transaction that commits before the send pool calls the providers
 * ({@link Attempts}: one attempt each, no database connection held during a call);
 * {@link SendResults} writes the answers. Crash windows:
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

    private static final Duration IDLE_SEND_THREAD = Duration.ofMinutes(1);

    private final Claims claims;
    private final Attempts attempts;
    private final SendResults results;
    private final Map<Channel, ChannelSender> senders;
    private final DeliveryProperties properties;
    private final Semaphore slots;
    private final Map<Channel, AtomicInteger> handed = new EnumMap<>(Channel.class);
    private final Object idle = new Object();
    private final AtomicInteger rounds = new AtomicInteger();
    private boolean woken;
    private volatile boolean running;
    private volatile List<Thread> workers = List.of();
    private volatile ExecutorService pool;

    Dispatcher(
            Claims claims,
            Attempts attempts,
            SendResults results,
            List<ChannelSender> senders,
            DeliveryProperties properties,
            MeterRegistry meters) {
        this.claims = claims;
        this.attempts = attempts;
        this.results = results;
        this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        this.properties = properties;
        this.slots = new Semaphore(properties.concurrency());
        for (Channel channel : Channel.values()) {
            handed.put(channel, new AtomicInteger());
        }
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
            Collections.rotate(order, rounds.incrementAndGet());
            for (Channel channel : order) {
                ChannelSender sender = senders.get(channel);
                if (sender == null) {
                    continue;
                }
                int left = Math.min(
                        taken - used, sender.parallelism() - handed.get(channel).get());
                if (left <= 0) {
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
                    claimed = claims.claim(channel, sender, granted);
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

    /** Hands a claimed message to the send pool; its slot is freed when the answer is queued for writing. */
    private void hand(ChannelSender sender, Claimed message) {
        AtomicInteger inChannel = handed.get(message.channel());
        inChannel.incrementAndGet();
        try {
            pool.execute(() -> {
                try {
                    attempts.make(sender, message);
                } finally {
                    slots.release();
                    if (inChannel.getAndDecrement() >= sender.parallelism()) {
                        // the channel was full: a worker resting since can hand it the next message
                        wake();
                    }
                }
            });
        } catch (RejectedExecutionException stopping) {
            // never handed to a provider: the attempt did not happen
            inChannel.decrementAndGet();
            slots.release();
            claims.release(message);
        }
    }

    /** A crisis answer was committed: an idle worker claims it now instead of after its poll interval. */
    @TransactionalEventListener
    void on(UrgentMessageQueued queued) {
        wake();
    }

    private void wake() {
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
        // as many send threads as sends in flight, each ended after a minute without work: a burst's
        // threads (and their stacks) do not stay for the life of the service
        ThreadPoolExecutor sending = new ThreadPoolExecutor(
                properties.concurrency(),
                properties.concurrency(),
                IDLE_SEND_THREAD.toSeconds(),
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "dispatcher-send-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        sending.allowCoreThreadTimeOut(true);
        pool = sending;
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
