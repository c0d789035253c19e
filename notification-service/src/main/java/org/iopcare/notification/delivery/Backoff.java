package org.iopcare.notification.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": half of the exponential delay is fixed, the other half
 * random, so retries of many messages after one provider outage spread out instead of stampeding.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The delay before attempt {@code failedAttempts + 1}, after {@code failedAttempts} failures (1 or more). */
    Duration after(int failedAttempts) {
        long exponential = initial.toMillis() << Math.min(Math.max(failedAttempts - 1, 0), 30);
        long capped = Math.min(exponential, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
    }
}
