package org.iopcare.localtools.devclock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AdjustableClockTest {

    private static final Instant T0 = Instant.parse("2026-03-09T14:00:00Z");

    @Test
    void runsWithItsBaseAndMovesAheadOnly() {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(clock.instant()).isEqualTo(T0);

        assertThat(clock.advance(Duration.ofMinutes(11))).isEqualTo(Duration.ofMinutes(11));
        clock.advance(Duration.ofMinutes(4));

        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThatThrownBy(() -> clock.advance(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.offset()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aZonedViewSharesTheOffset() {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(T0, ZoneOffset.UTC));
        Clock newYork = clock.withZone(ZoneId.of("America/New_York"));

        clock.advance(Duration.ofHours(1));

        assertThat(newYork.instant()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(newYork.getZone()).isEqualTo(ZoneId.of("America/New_York"));
    }
}
