package org.iopcare.treatmentplan.assessment;

import java.time.LocalDate;
import java.util.List;
import org.iopcare.treatmentplan.plan.Instrument;
import org.jspecify.annotations.Nullable;

/**
 * How the scores of one instrument stand against a goal's measure target.
 *
 * @param goal the goal's statement
 * @param targetDate when the goal should be reached
 * @param below the target: totals below this value meet the goal
 * @param baseline the plan's first total on this instrument, null before any
 * @param latest the latest total, null before any
 * @param changeFromBaseline latest minus baseline (negative is better), null before any
 * @param met whether the latest total is below the target
 * @param totals every total on this instrument, oldest first
 */
public record GoalTrend(
        String goal,
        LocalDate targetDate,
        Instrument instrument,
        int below,
        @Nullable Integer baseline,
        @Nullable Integer latest,
        @Nullable Integer changeFromBaseline,
        boolean met,
        List<Integer> totals) {}
