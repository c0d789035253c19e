package org.iopcare.treatmentplan.reaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.iopcare.treatmentplan.plan.ReactionProperties;
import org.junit.jupiter.api.Test;

class MissedSessionRuleTest {

    final MissedSessionRule defaults = MissedSessionRule.of(ReactionProperties.defaults());

    @Test
    void twoInARowFlags() {
        assertThat(defaults.flags(1, 1)).isFalse();
        assertThat(defaults.flags(2, 2)).isTrue();
    }

    @Test
    void threeWithinTheWindowFlagsEvenWhenNotInARow() {
        assertThat(defaults.flags(1, 2)).isFalse();
        assertThat(defaults.flags(1, 3)).isTrue();
    }

    @Test
    void followsTheClinicsThresholds() {
        MissedSessionRule clinic = MissedSessionRule.of(new ReactionProperties(3, 4, Duration.ofDays(21), 5));
        assertThat(clinic.flags(2, 3)).isFalse();
        assertThat(clinic.flags(3, 3)).isTrue();
        assertThat(clinic.flags(1, 4)).isTrue();
    }
}
