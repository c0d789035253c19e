package org.iopcare.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.iopcare.notification.delivery.DeliveryLedger.Answer;
import org.iopcare.notification.delivery.DeliveryLedger.Claimed;
import org.iopcare.notification.delivery.DeliveryLedger.Sent;
import org.iopcare.notification.message.Channel;
import org.iopcare.notification.message.DeliveryStatus;
import org.iopcare.notification.work.DeliveryProblemItems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what the providers answered: one thread, many answers to a transaction, so the database
 * commits a few times a second however many sends are in flight. An answer that cannot be written
 * (the database is down for longer than the retries) is dropped: its attempt stays open, and the
 * next claim after the lease marks the message UNKNOWN for reconciliation, never sends it again.
 */
@Component
class SendResults {

    /** A provider's answer to one attempt of one claimed message. */
    record Result(Claimed message, int attempt, SendOutcome outcome, Instant at) {}

    private static final Logger log = LoggerFactory.getLogger(SendResults.class);
    private static final int PER_TRANSACTION = 500;
    private static final int WRITE_TRIES = 5;

    private final DeliveryLedger ledger;
    private final DeliveryProblemItems problems;
    private final DeliveryReports reports;
    private final DeliveryProperties properties;
    private final MeterRegistry meters;
    private final TransactionTemplate transaction;
    private final Backoff backoff;
    private final BlockingQueue<Result> pending = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private volatile Thread writer;

    SendResults(
            DeliveryLedger ledger,
            DeliveryProblemItems problems,
            DeliveryReports reports,
            DeliveryProperties properties,
            MeterRegistry meters,
            PlatformTransactionManager transactions) {
        this.ledger = ledger;
        this.problems = problems;
        this.reports = reports;
        this.properties = properties;
        this.meters = meters;
        this.transaction = new TransactionTemplate(transactions);
        this.backoff = new Backoff(
                properties.initialBackoff(),
                properties.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    void add(Result result) {
        pending.add(result);
    }

    void start() {
        running = true;
        Thread thread = new Thread(this::writeUntilStopped, "dispatcher-results");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    /** Writes what is still pending, then stops; called once no send is in flight any more. */
    void stop() throws InterruptedException {
        running = false;
        Thread thread = writer;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            writer = null;
        }
    }

    private void writeUntilStopped() {
        List<Result> batch = new ArrayList<>();
        while (running || !pending.isEmpty()) {
            try {
                Result first = pending.poll(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, PER_TRANSACTION - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Result> batch) throws InterruptedException {
        for (int tried = 1; ; tried++) {
            try {
                transaction.executeWithoutResult(status -> record(batch));
                return;
            } catch (RuntimeException e) {
                if (tried >= WRITE_TRIES) {
                    // only counts and the type: the results name clients' messages
                    log.warn(
                            "{} send results not written ({}); their messages turn UNKNOWN after the claim lease",
                            batch.size(),
                            e.getClass().getName());
                    meters.counter("iopcare.notification.delivery.results.dropped")
                            .increment(batch.size());
                    return;
                }
                Thread.sleep(Math.min(1_000, 100L * tried));
            }
        }
    }

    /**
     * Records a batch of answers in the writer's transaction: every attempt's answer in one round
     * trip, the accepted messages (nearly all of them) moved to SENT together, the rest one by one.
     */
    private void record(List<Result> batch) {
        boolean[] open = ledger.finishAttempts(batch.stream()
                .map(result -> new Answer(
                        result.message().id(),
                        result.attempt(),
                        outcomeName(result.outcome()),
                        detail(result.outcome()),
                        result.at()))
                .toList());
        List<Result> accepted = new ArrayList<>();
        for (int i = 0; i < open.length; i++) {
            Result result = batch.get(i);
            if (!open[i]) {
                // its claim ran out and a later claim already marked the message UNKNOWN
                meters.counter("iopcare.notification.delivery.results.late").increment();
            } else if (result.outcome() instanceof SendOutcome.Accepted) {
                accepted.add(result);
            } else {
                record(result);
            }
        }
        sent(accepted);
    }

    /** What {@link #finish} does for SENT, for many accepted messages at once. */
    private void sent(List<Result> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        List<Sent> sent = accepted.stream()
                .map(result -> {
                    SendOutcome.Accepted outcome = (SendOutcome.Accepted) result.outcome();
                    return new Sent(
                            result.message().id(),
                            result.attempt(),
                            outcome.provider(),
                            outcome.providerId(),
                            result.at());
                })
                .toList();
        ledger.sent(sent);
        problems.sent(sent.stream().map(Sent::messageId).toList());
        // reports that overtook this commit were kept for it
        reports.applyEarly(
                sent.stream().map(Sent::providerId).filter(Objects::nonNull).toList());
        for (Result result : accepted) {
            count(result.message(), DeliveryStatus.SENT);
        }
    }

    /** An answer other than an acceptance, whose attempt was still open. */
    private void record(Result result) {
        Claimed message = result.message();
        int attempt = result.attempt();
        Instant done = result.at();
        SendOutcome outcome = result.outcome();
        String detail = detail(outcome);
        if (outcome instanceof SendOutcome.Rejected) {
            finish(message, DeliveryStatus.UNDELIVERABLE, detail, null, attempt, done);
        } else if (outcome instanceof SendOutcome.Retryable) {
            meters.counter(
                            "iopcare.notification.provider.errors",
                            "channel",
                            message.channel().name())
                    .increment();
            if (attempt >= properties.maxAttempts()) {
                finish(message, DeliveryStatus.FAILED, detail, null, attempt, done);
            } else {
                ledger.retryLater(message.id(), detail, attempt, done.plus(backoff.after(attempt)), done);
            }
        } else {
            finish(message, DeliveryStatus.UNKNOWN, detail, null, attempt, done);
        }
    }

    private static String outcomeName(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Accepted) {
            return "ACCEPTED";
        }
        if (outcome instanceof SendOutcome.Rejected) {
            return "REJECTED";
        }
        return outcome instanceof SendOutcome.Retryable ? "RETRYABLE" : "UNKNOWN";
    }

    private static @Nullable String detail(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Rejected rejected) {
            return rejected.detail();
        }
        if (outcome instanceof SendOutcome.Retryable retryable) {
            return retryable.detail();
        }
        return outcome instanceof SendOutcome.Unknown unknown ? unknown.detail() : null;
    }

    /** Moves a message to its new state and counts it; also for the states the claim decides. */
    void finish(
            Claimed message,
            DeliveryStatus status,
            @Nullable String detail,
            @Nullable String providerId,
            int attempts,
            Instant now) {
        ledger.moveTo(message.id(), status, detail, providerId, attempts, now);
        if (status == DeliveryStatus.UNKNOWN && message.channel() == Channel.EMAIL) {
            // SMTP has no lookup: no reconciliation will settle it
            ledger.staysUnknown(message.id());
        }
        count(message, status);
    }

    private void count(Claimed message, DeliveryStatus status) {
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
}
