package org.iopcare.treatmentplan.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.iopcare.support.web.ProblemException;
import org.iopcare.treatmentplan.plan.FlagReason;
import org.iopcare.treatmentplan.plan.Instrument;
import org.iopcare.treatmentplan.plan.PlanContent;
import org.iopcare.treatmentplan.plan.PlanFlags;
import org.iopcare.treatmentplan.plan.PlanWorkItems;
import org.iopcare.treatmentplan.plan.ReactionProperties;
import org.iopcare.treatmentplan.plan.TreatmentPlan;
import org.iopcare.treatmentplan.plan.TreatmentPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Measurement-based care: records, scores and trends assessments; flags the plan when needed. */
@Service
public class Assessments {

    private final JdbcTemplate jdbc;
    private final TreatmentPlans plans;
    private final PlanFlags flags;
    private final ScoreWorsening worsening;
    private final PlanWorkItems work;
    private final Clock clock;

    Assessments(
            JdbcTemplate jdbc,
            TreatmentPlans plans,
            PlanFlags flags,
            ReactionProperties reactions,
            PlanWorkItems work,
            Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.flags = flags;
        this.worsening = new ScoreWorsening(reactions.phq9Worsening());
        this.work = work;
        this.clock = clock;
    }

    /**
     * Scores and stores an administration against the client's open plan; a positive PHQ-9 item 9
     * flags the plan URGENT_SAFETY (urgent), a worsening PHQ-9 flags it SCORE_WORSENED. A PHQ-9 or
     * GAD-7 worse than the previous one of its instrument (the latest administered before it) by
     * the configured points is a HIGH work item for the primary clinician.
     */
    @Transactional
    public Assessment record(UUID clientId, NewAssessment request, String recordedBy) {
        Instant now = Instant.now(clock);
        Instant administeredAt = request.administeredAt() == null ? now : request.administeredAt();
        if (administeredAt.isAfter(now)) {
            throw ProblemException.unprocessable(
                    "administered-in-the-future", "administeredAt must not be in the future");
        }
        Scoring.Score score = Scoring.score(request.instrument(), request.answers());
        TreatmentPlan plan = plans.openForClient(clientId);
        List<Assessment> earlier = forPlan(plan.id(), request.instrument());
        Assessment assessment = new Assessment(
                UUID.randomUUID(),
                plan.id(),
                request.instrument(),
                List.copyOf(request.answers()),
                score.total(),
                score.band(),
                Scoring.selfHarmPositive(request.instrument(), request.answers()),
                administeredAt,
                recordedBy);
        jdbc.update(
                """
                INSERT INTO assessment (id, client_id, plan_id, instrument, answers, total, band, administered_at,
                                        recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?::smallint[], ?, ?, ?, ?, ?)
                """,
                assessment.id(),
                clientId,
                plan.id(),
                request.instrument().name(),
                "{"
                        + String.join(
                                ",",
                                request.answers().stream().map(String::valueOf).toList()) + "}",
                score.total(),
                score.band().name(),
                Timestamp.from(administeredAt),
                recordedBy,
                Timestamp.from(now));
        if (assessment.selfHarmItemPositive()) {
            flags.raise(clientId, FlagReason.URGENT_SAFETY, true);
        }
        if (request.instrument() == Instrument.PHQ9) {
            Integer baseline = earlier.isEmpty() ? null : earlier.get(0).total();
            Band previous =
                    earlier.isEmpty() ? null : earlier.get(earlier.size() - 1).band();
            if (worsening.worsened(baseline, previous, score.total(), score.band())) {
                flags.raise(clientId, FlagReason.SCORE_WORSENED, false);
            }
        }
        earlier.stream()
                .filter(before -> !before.administeredAt().isAfter(administeredAt))
                .reduce((first, second) -> second)
                .filter(previous -> score.total() - previous.total() >= work.worseningThreshold(request.instrument()))
                .ifPresent(previous -> work.worsened(clientId, assessment.id(), request.instrument()));
        return assessment;
    }

    /** The client's assessments on their latest plan and the trend against its goals' targets. */
    @Transactional(readOnly = true)
    public AssessmentHistory history(UUID clientId) {
        TreatmentPlan plan = plans.forClient(clientId);
        List<Assessment> all = forPlan(plan.id(), null);
        List<GoalTrend> trends = new ArrayList<>();
        plans.currentContent(plan.id()).ifPresent(content -> {
            for (PlanContent.Problem problem : content.problems()) {
                for (PlanContent.Goal goal : problem.goals()) {
                    if (goal.measureTarget() != null) {
                        trends.add(trend(goal, all));
                    }
                }
            }
        });
        return new AssessmentHistory(all, trends);
    }

    static GoalTrend trend(PlanContent.Goal goal, List<Assessment> all) {
        Instrument instrument = goal.measureTarget().instrument();
        int below = goal.measureTarget().below();
        List<Integer> totals = all.stream()
                .filter(a -> a.instrument() == instrument)
                .map(Assessment::total)
                .toList();
        Integer baseline = totals.isEmpty() ? null : totals.get(0);
        Integer latest = totals.isEmpty() ? null : totals.get(totals.size() - 1);
        return new GoalTrend(
                goal.statement(),
                goal.targetDate(),
                instrument,
                below,
                baseline,
                latest,
                latest == null ? null : latest - baseline,
                latest != null && latest < below,
                totals);
    }

    private List<Assessment> forPlan(UUID planId, @Nullable Instrument instrument) {
        return jdbc.query(
                """
                SELECT id, plan_id, instrument, array_to_string(answers, ',') AS answers, total, band,
                       administered_at, recorded_by
                FROM assessment WHERE plan_id = ? AND (?::varchar IS NULL OR instrument = ?::varchar)
                ORDER BY administered_at, recorded_at
                """,
                (rs, row) -> {
                    Instrument kind = Instrument.valueOf(rs.getString("instrument"));
                    List<Integer> answers = Arrays.stream(
                                    rs.getString("answers").split(","))
                            .map(Integer::valueOf)
                            .toList();
                    return new Assessment(
                            rs.getObject("id", UUID.class),
                            rs.getObject("plan_id", UUID.class),
                            kind,
                            answers,
                            rs.getInt("total"),
                            Band.valueOf(rs.getString("band")),
                            Scoring.selfHarmPositive(kind, answers),
                            rs.getTimestamp("administered_at").toInstant(),
                            rs.getString("recorded_by"));
                },
                planId,
                instrument == null ? null : instrument.name(),
                instrument == null ? null : instrument.name());
    }
}
