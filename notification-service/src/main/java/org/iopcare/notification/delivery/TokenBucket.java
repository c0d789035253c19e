package org.iopcare.notification.delivery;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A provider's send rate: {@code perSecond} permits a second, at most {@code burst} saved up. Taking
 * never waits (the dispatcher claims only as many messages as it got permits for); a permit taken
 * for a message that was not sent after all is given back. Thread-safe.
 */
final class TokenBucket implements SendPermits {

    private static final long SECOND = 1_000_000_000L;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanos;
    private double tokens;
    private long refilledAt;

    TokenBucket(double perSecond, double burst, LongSupplier nanos) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate above zero and a burst of at least one");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanos = nanos;
        this.tokens = burst;
        this.refilledAt = nanos.getAsLong();
    }

    /** A bucket on the system's monotonic clock that saves up at most one second of sends. */
    static TokenBucket perSecond(double perSecond) {
        return new TokenBucket(perSecond, Math.max(1, perSecond), System::nanoTime);
    }

    @Override
    public synchronized int take(int wanted) {
        refill();
        int granted = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= Math.max(0, granted);
        return Math.max(0, granted);
    }

    @Override
    public synchronized void giveBack(int permits) {
        tokens = Math.min(burst, tokens + permits);
    }

    @Override
    public synchronized Duration untilNext() {
        refill();
        if (tokens >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) * SECOND / perSecond));
    }

    private void refill() {
        long now = nanos.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) * perSecond / SECOND);
        refilledAt = now;
    }
}
