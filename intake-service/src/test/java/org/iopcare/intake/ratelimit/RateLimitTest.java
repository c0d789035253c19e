package org.iopcare.intake.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-03-09T13:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aBurstPassesThenTheNextWaitsForItsToken() {
        HandClock clock = new HandClock();
        TokenBuckets buckets = new TokenBuckets(3, Duration.ofMinutes(1), 1000, clock);
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isTrue();
        TokenBuckets.Decision refused = buckets.take("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);
        assertThat(buckets.take("b").allowed()).isTrue();

        clock.now = clock.now.plusSeconds(19);
        assertThat(buckets.take("a").retryAfterSeconds()).isEqualTo(1);
        clock.now = clock.now.plusSeconds(1);
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isFalse();
    }

    @Test
    void forgetsFullBucketsBeyondTheBound() {
        HandClock clock = new HandClock();
        TokenBuckets buckets = new TokenBuckets(1, Duration.ofSeconds(10), 2, clock);
        buckets.take("a");
        buckets.take("b");
        clock.now = clock.now.plusSeconds(10);
        buckets.take("c");
        // a and b were full again and forgotten; c keeps its state.
        assertThat(buckets.take("c").allowed()).isFalse();
        assertThat(buckets.take("a").allowed()).isTrue();
    }
}
