package org.iopcare.treatmentplan.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoreWorseningTest {

    final ScoreWorsening rule = new ScoreWorsening(5);

    @Test
    void upByTheThresholdFromBaselineWorsens() {
        assertThat(rule.worsened(8, Band.MILD, 12, Band.MODERATE)).isFalse();
        assertThat(rule.worsened(8, Band.MILD, 13, Band.MODERATE)).isTrue();
        assertThat(rule.worsened(8, Band.MODERATE, 14, Band.MODERATE)).isTrue();
    }

    @Test
    void measuresFromTheBaselineNotFromThePreviousScore() {
        // 4 → 3 → 8: only 4 up from the baseline, though 5 up from the previous one
        assertThat(rule.worsened(4, Band.MINIMAL, 8, Band.MILD)).isFalse();
    }

    @Test
    void movingIntoTheSevereBandWorsensStayingThereDoesNot() {
        assertThat(rule.worsened(17, Band.MODERATELY_SEVERE, 20, Band.SEVERE)).isTrue();
        assertThat(rule.worsened(21, Band.SEVERE, 22, Band.SEVERE)).isFalse();
        assertThat(rule.worsened(17, Band.MODERATELY_SEVERE, 19, Band.MODERATELY_SEVERE))
                .isFalse();
    }

    @Test
    void aFirstScoreHasNoBaselineButASevereOneStillCounts() {
        assertThat(rule.worsened(null, null, 19, Band.MODERATELY_SEVERE)).isFalse();
        assertThat(rule.worsened(null, null, 20, Band.SEVERE)).isTrue();
    }

    @Test
    void followsTheClinicsThreshold() {
        assertThat(new ScoreWorsening(3).worsened(8, Band.MILD, 11, Band.MODERATE))
                .isTrue();
    }
}
