package org.iopcare.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The send rates on a clock the test moves. */
class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong(1_000);

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void grantsTheBurstAtOnceThenTheRateAsTimePasses() {
        TokenBucket bucket = new TokenBucket(10, 10, nanos::get);

        assertThat(bucket.take(25)).isEqualTo(10);
        assertThat(bucket.take(1)).isZero();
        assertThat(bucket.untilNext()).isEqualTo(Duration.ofMillis(100));
        advance(Duration.ofMillis(350));
        assertThat(bucket.take(25)).isEqualTo(3);
        advance(Duration.ofMinutes(5));
        assertThat(bucket.take(25)).as("never more than the burst saved up").isEqualTo(10);
    }

    @Test
    void aLongCodeSendsOneMessageASecond() {
        TokenBucket number = new TokenBucket(1, 1, nanos::get);
        int sent = 0;
        for (int tenth = 0; tenth < 100; tenth++) {
            sent += number.take(5);
            advance(Duration.ofMillis(100));
        }
        assertThat(sent).isEqualTo(10);
    }

    @Test
    void permitsGivenBackCanBeTakenAgainButNeverExceedTheBurst() {
        TokenBucket bucket = new TokenBucket(5, 5, nanos::get);
        assertThat(bucket.take(5)).isEqualTo(5);
        bucket.giveBack(2);
        assertThat(bucket.take(5)).isEqualTo(2);
        bucket.giveBack(50);
        assertThat(bucket.take(50)).isEqualTo(5);
    }

    @Test
    void bothLimitsTogetherGrantTheSmallerAndReturnWhatTheOtherCouldNotUse() {
        TokenBucket account = new TokenBucket(100, 100, nanos::get);
        TokenBucket number = new TokenBucket(3, 3, nanos::get);
        SendPermits both = SendPermits.both(account, number);

        assertThat(both.take(10)).isEqualTo(3);
        assertThat(account.take(1000))
                .as("the account kept what the number refused")
                .isEqualTo(97);
        assertThat(both.untilNext()).isPositive();
    }

    @Test
    void awaitWaitsForTheNextPermitOrGivesUp() {
        TokenBucket slow = new TokenBucket(0.01, 1, System::nanoTime);
        assertThat(slow.await(Duration.ofMillis(10))).isTrue();
        assertThat(slow.await(Duration.ofMillis(20))).isFalse();
        TokenBucket fast = new TokenBucket(1_000, 1, System::nanoTime);
        assertThat(fast.take(1)).isEqualTo(1);
        assertThat(fast.await(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void refusesARateOfZero() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, nanos::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
