package org.iopcare.scheduling.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BelowMinimumProjectionTest {

    // Wednesday noon; the week ends Monday 00:00 in New York
    final Clock clock = Clock.fixed(Instant.parse("2026-03-18T16:00:00Z"), ZoneOffset.UTC);
    final Instant weekEnds = Instant.parse("2026-03-23T04:00:00Z");

    @Test
    void flagsAWeekThatCanNoLongerReachTheMinimumWhileItRuns() {
        // missed Monday (0 of 180), attended Wednesday (180), Friday and an individual hour left: 420 < 540
        assertThat(BelowMinimumProjection.isShort(180, 240, 540, clock.instant(), weekEnds))
                .isTrue();
    }

    @Test
    void leavesAWeekThatCanStillReachIt() {
        assertThat(BelowMinimumProjection.isShort(360, 240, 540, clock.instant(), weekEnds))
                .isFalse();
        assertThat(BelowMinimumProjection.isShort(300, 60, 360, clock.instant(), weekEnds))
                .isFalse(); // adolescent
    }

    @Test
    void saysNothingOnceTheWeekIsOverAndNoMakeUpIsPossible() {
        assertThat(BelowMinimumProjection.isShort(0, 0, 540, weekEnds, weekEnds))
                .isFalse();
    }
}
