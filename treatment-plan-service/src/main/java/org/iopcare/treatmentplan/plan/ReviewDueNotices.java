package org.iopcare.treatmentplan.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.iopcare.events.PlanChangeType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily job: one {@code plan-updated} REVIEW_DUE per plan in force and due date. Safe with
 * several instances: the {@code plan_review_notice} row (primary key plan + due date) is inserted
 * with the event in one transaction, and a second instance's insert waits for the first and then
 * does nothing. A run that failed is caught up by the next, as overdue plans stay due.
 */
@Component
class ReviewDueNotices {

    private static final Logger log = LoggerFactory.getLogger(ReviewDueNotices.class);
    /** The bean of the plan settings, whose {@code review-job-cron} and {@code time-zone} time the job. */
    private static final String PLANS = "iopcare.plans-org.iopcare.treatmentplan.plan.PlanProperties";

    private final TreatmentPlanRepository plans;
    private final ReviewSchedule reviews;
    private final PlanEvents events;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReviewDueNotices(
            TreatmentPlanRepository plans, ReviewSchedule reviews, PlanEvents events, JdbcTemplate jdbc, Clock clock) {
        this.plans = plans;
        this.reviews = reviews;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "#{@'" + PLANS + "'.reviewJobCron()}", zone = "#{@'" + PLANS + "'.timeZone().getId()}")
    void daily() {
        int published = publishDue();
        log.info("Review-due job published {} notices", published);
    }

    /** Publishes REVIEW_DUE for every plan in force whose review is due today or overdue, once per due date. */
    @Transactional
    int publishDue() {
        LocalDate today = reviews.today();
        Instant now = Instant.now(clock);
        int published = 0;
        List<TreatmentPlan> due = plans.findReviewsDueBy(today);
        for (TreatmentPlan plan : due) {
            // drafts are listed as overdue for staff, but no review of a plan not in force is announced
            if (plan.status() == PlanStatus.DRAFT) {
                continue;
            }
            int claimed = jdbc.update(
                    "INSERT INTO plan_review_notice (plan_id, due_date, published_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    plan.id(),
                    plan.nextReviewDue(),
                    Timestamp.from(now));
            if (claimed == 1) {
                events.publish(plan, PlanChangeType.REVIEW_DUE, List.of(FlagReason.SCHEDULED_REVIEW), false);
                published++;
            }
        }
        return published;
    }
}
