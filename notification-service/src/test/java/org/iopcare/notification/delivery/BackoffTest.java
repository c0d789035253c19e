package org.iopcare.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheInitialDelayUpToTheMaximumWithHalfOfItRandom() {
        Backoff least = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), () -> 0.0);
        Backoff most = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), () -> 0.999999);

        assertThat(least.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(most.after(1)).isBetween(Duration.ofMillis(1999), Duration.ofSeconds(2));
        assertThat(least.after(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(most.after(3)).isBetween(Duration.ofMillis(7999), Duration.ofSeconds(8));
        assertThat(least.after(30)).isEqualTo(Duration.ofMinutes(5));
        assertThat(most.after(64)).isLessThanOrEqualTo(Duration.ofMinutes(10));
    }
}
