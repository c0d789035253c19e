package org.iopcare.treatmentplan.note;

import java.time.LocalDate;
import java.util.List;
import org.iopcare.events.DischargeReason;
import org.iopcare.events.LevelOfCare;
import org.iopcare.treatmentplan.plan.PlanContent;
import org.jspecify.annotations.Nullable;

/**
 * What the record says at discharge, assembled by the service.
 *
 * @param startDate the client's first day in the program
 * @param dischargeDate the day the discharge took effect
 * @param levelOfCare the level of care the client was treated at: this program's, IOP
 * @param sessionsAttended sessions held from the start date to the discharge date that the client
 *     attended (as this service knows attendance: no miss standing, not excused)
 * @param sessionsMissed sessions of that period missed or excused
 * @param phq9 the PHQ-9 totals of the plan, first and last
 * @param gad7 the GAD-7 totals of the plan, first and last
 * @param goals each goal of the plan's current version with its objectives' status
 * @param reason why the client left, as intake coded it
 */
public record DischargeFacts(
        LocalDate startDate,
        LocalDate dischargeDate,
        LevelOfCare levelOfCare,
        Integer sessionsAttended,
        Integer sessionsMissed,
        Measure phq9,
        Measure gad7,
        List<GoalStatus> goals,
        DischargeReason reason) {

    /**
     * An instrument's first and last total, and the change between them; all null without one.
     *
     * @param change last minus first: negative is improvement
     */
    public record Measure(
            @Nullable Integer first,
            @Nullable Integer last,
            @Nullable Integer change) {

        static Measure of(List<Integer> totals) {
            if (totals.isEmpty()) {
                return new Measure(null, null, null);
            }
            int first = totals.get(0);
            int last = totals.get(totals.size() - 1);
            return new Measure(first, last, last - first);
        }
    }

    /**
     * A goal at discharge.
     *
     * @param measureMet whether the latest score of the goal's measure target is below it; null
     *     for a goal without a target or a target never measured
     */
    public record GoalStatus(
            String statement,
            LocalDate targetDate,
            @Nullable Boolean measureMet,
            List<PlanContent.Objective> objectives) {}
}
