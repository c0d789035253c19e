package org.iopcare.intake.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key, in memory: {@code capacity} tokens, refilled evenly over {@code per}.
 * Per service instance; several instances each allow the full rate.
 */
final class TokenBuckets {

    /** Whether the request may pass, and if not, in how many whole seconds a token is back. */
    record Decision(boolean allowed, long retryAfterSeconds) {}

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }

    private final int capacity;
    private final double tokensPerNano;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int capacity, Duration per, int maxKeys, Clock clock) {
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) per.toNanos();
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    Decision take(String key) {
        long now = nanos();
        if (buckets.size() >= maxKeys) {
            forgetFull(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            double missingNanos = (1 - bucket.tokens) / tokensPerNano;
            long seconds = (long) Math.ceil(missingNanos / 1_000_000_000d);
            return new Decision(false, Math.max(1, seconds));
        }
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = Math.max(0, now - bucket.updatedNanos);
        bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * tokensPerNano);
        bucket.updatedNanos = now;
    }

    private void forgetFull(long now) {
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                refill(bucket, now);
                return bucket.tokens >= capacity;
            }
        });
    }

    private long nanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
