package org.iopcare.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendTest {

    @Test
    void eachInstrumentIsALineScaledToItsMaximumWithTheGoalsTargetDashed() {
        List<Trend> trends = Trend.of(
                List.of(
                        Map.of("instrument", "PHQ9", "total", 27),
                        Map.of("instrument", "GAD7", "total", 7),
                        Map.of("instrument", "PHQ9", "total", 0)),
                List.of(Map.of("instrument", "PHQ9", "below", 10)));

        assertThat(trends).extracting(Trend::instrument).containsExactly("PHQ-9", "GAD-7");
        Trend phq9 = trends.get(0);
        // the highest total at the top of the box, zero at the bottom, oldest on the left
        assertThat(phq9.points()).isEqualTo("12,12 588,148");
        assertThat(phq9.targetY()).isEqualTo(148 - 10 * 136 / 27);
        assertThat(phq9.summary()).isEqualTo("PHQ-9 totals, oldest first: 27, 0; the plan's goal is below 10");
        Trend gad7 = trends.get(1);
        assertThat(gad7.dots())
                .singleElement()
                .satisfies(dot -> assertThat(dot.x()).isEqualTo(300));
        assertThat(gad7.targetY()).isNull();
        assertThat(gad7.summary()).isEqualTo("GAD-7 totals, oldest first: 7");
    }

    @Test
    void noAssessmentsNoTrend() {
        assertThat(Trend.of(List.of(), List.of(Map.of("instrument", "PHQ9", "below", 10))))
                .isEmpty();
    }
}
