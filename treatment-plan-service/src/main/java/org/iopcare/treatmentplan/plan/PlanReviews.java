package org.iopcare.treatmentplan.plan;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.iopcare.support.web.ProblemException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plan reviews: a review resolves the flags it addressed, moves the next review one cadence from
 * today and closes the work items of the review that was due and of the flags it resolved. It
 * publishes nothing: {@code plan-updated} has no change type for a review, and the new due date
 * travels on the plan's next event.
 */
@Service
public class PlanReviews {

    private final TreatmentPlanRepository plans;
    private final PlanFlags flags;
    private final PlanWorkItems work;
    private final ReviewSchedule schedule;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    PlanReviews(
            TreatmentPlanRepository plans,
            PlanFlags flags,
            PlanWorkItems work,
            ReviewSchedule schedule,
            JdbcTemplate jdbc,
            JsonMapper json,
            Clock clock) {
        this.plans = plans;
        this.flags = flags;
        this.work = work;
        this.schedule = schedule;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a review of an open plan; 409 on a closed plan, 422 when a flag it names is not open.
     */
    @Transactional
    public PlanReview record(UUID planId, NewPlanReview request, String reviewer) {
        TreatmentPlan plan = plans.findForUpdate(planId).orElseThrow(() -> ProblemException.notFound("Plan"));
        if (!plan.isOpen()) {
            throw ProblemException.conflict("plan-closed", "The plan is closed and cannot change");
        }
        Set<FlagReason> open = EnumSet.noneOf(FlagReason.class);
        open.addAll(flags.open(planId));
        boolean all =
                request.addressedFlags() == null || request.addressedFlags().isEmpty();
        if (!all && !open.containsAll(request.addressedFlags())) {
            throw ProblemException.unprocessable(
                    "flag-not-open", "addressedFlags names a flag that is not open on the plan");
        }
        List<FlagReason> cleared = flags.clear(planId, all ? null : Set.copyOf(request.addressedFlags()));
        LocalDate wasDue = plan.nextReviewDue();
        plan.reviewed(schedule.today(), schedule, cleared.size() < open.size());
        work.reviewRecorded(planId, wasDue);
        PlanReview review = new PlanReview(
                UUID.randomUUID(),
                planId,
                plan.clientId(),
                reviewer,
                Instant.now(clock),
                List.copyOf(request.participants()),
                request.outcome(),
                request.note(),
                cleared,
                wasDue,
                plan.nextReviewDue());
        jdbc.update(
                """
                INSERT INTO plan_review (id, plan_id, client_id, reviewed_by, reviewed_at, participants, outcome, note,
                                         cleared_flags, previous_due, next_due)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?)
                """,
                review.id(),
                planId,
                plan.clientId(),
                reviewer,
                Timestamp.from(review.reviewedAt()),
                json.writeValueAsString(review.participants()),
                review.outcome().name(),
                review.note(),
                json.writeValueAsString(cleared),
                Date.valueOf(wasDue),
                Date.valueOf(review.nextDue()));
        return review;
    }

    /** The plan's reviews, oldest first. */
    @Transactional(readOnly = true)
    public List<PlanReview> all(UUID planId) {
        return jdbc.query("SELECT * FROM plan_review WHERE plan_id = ? ORDER BY reviewed_at, id", this::map, planId);
    }

    private PlanReview map(ResultSet rs, int row) throws SQLException {
        return new PlanReview(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getObject("client_id", UUID.class),
                rs.getString("reviewed_by"),
                rs.getTimestamp("reviewed_at").toInstant(),
                json.readValue(rs.getString("participants"), new TypeReference<List<String>>() {}),
                ReviewOutcome.valueOf(rs.getString("outcome")),
                rs.getString("note"),
                json.readValue(rs.getString("cleared_flags"), new TypeReference<List<FlagReason>>() {}),
                rs.getObject("previous_due", LocalDate.class),
                rs.getObject("next_due", LocalDate.class));
    }
}
