package org.iopcare.local;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady stream of public inquiries at a fixed rate, as a busy web form would send them: each
 * tick submits one, on a small pool so that one slow answer does not hold the next back. Counts
 * what was sent and what failed (anything but 201).
 */
final class PacedInquiries {

    private final IntakeApi api;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong slowestMillis = new AtomicLong();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(8);

    PacedInquiries(IntakeApi api) {
        this.api = api;
    }

    void start(int perSecond) {
        ticks.scheduleAtFixedRate(() -> senders.execute(this::submit), 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    void stop() throws InterruptedException {
        ticks.shutdown();
        ticks.awaitTermination(10, TimeUnit.SECONDS);
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
    }

    long sent() {
        return sent.get();
    }

    long errors() {
        return errors.get();
    }

    long slowestMillis() {
        return slowestMillis.get();
    }

    private void submit() {
        long n = sent.incrementAndGet();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = api.submit("outage-" + run + "-" + n + "@example.org", null);
            if (response.statusCode() != 201) {
                errors.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            errors.incrementAndGet();
        }
        slowestMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
    }
}
