package org.iopcare.treatmentplan.plan;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.iopcare.support.work.NewWorkItem;
import org.iopcare.support.work.Priority;
import org.iopcare.support.work.WorkItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews falling due or overdue become work for the primary clinician. A plan in force (ACTIVE or
 * REVIEW_REQUIRED; a draft is not announced, as with {@code REVIEW_DUE}) whose review falls due
 * within {@code iopcare.plans.work.review-due-within} days is a NORMAL {@code PLAN_REVIEW_DUE}
 * item, due at the end of the due date; once the due date has passed it is a second, HIGH
 * {@code PLAN_REVIEW_OVERDUE} item, due at the end of the day it was found, and the NORMAL one is
 * closed as {@code REVIEW_OVERDUE} (the HIGH one carries the work on). Both are keyed by plan and
 * due date, so each review date raises at most one of each whatever the runs and instances; the
 * review (activation, which moves the due date) closes them ({@link PlanWorkItems#reviewRecorded}).
 */
@Component
class ReviewDueItems {

    private static final Logger log = LoggerFactory.getLogger(ReviewDueItems.class);
    private static final int BATCH = 500;

    private final WorkItems items;
    private final PlanWorkItems work;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PlanWorkProperties properties;
    private final PlanProperties plans;

    ReviewDueItems(
            WorkItems items,
            PlanWorkItems work,
            JdbcTemplate jdbc,
            Clock clock,
            PlanWorkProperties properties,
            PlanProperties plans) {
        this.items = items;
        this.work = work;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.plans = plans;
    }

    /** Raises the items of the reviews falling due or overdue; returns how many were raised. */
    @Scheduled(
            fixedDelayString =
                    "#{@'iopcare.plans.work-org.iopcare.treatmentplan.plan.PlanWorkProperties'.reviewCheckInterval().toMillis()}")
    @Transactional
    public int check() {
        LocalDate today = LocalDate.now(clock.withZone(plans.timeZone()));
        Instant endOfToday = today.plusDays(1).atStartOfDay(plans.timeZone()).toInstant();
        // plans due soon without their due item, and overdue plans without their overdue item
        List<Due> due = jdbc.query(
                """
                SELECT p.id, p.client_id, p.next_review_due FROM treatment_plan p
                WHERE p.status IN ('ACTIVE', 'REVIEW_REQUIRED') AND p.next_review_due <= ?
                  AND NOT EXISTS (SELECT 1 FROM work_item w WHERE w.source_key =
                      CASE WHEN p.next_review_due < ? THEN 'review-overdue:' ELSE 'review-due:' END
                      || p.id || ':' || to_char(p.next_review_due, 'YYYY-MM-DD'))
                ORDER BY p.next_review_due, p.id LIMIT ?
                """,
                (rs, n) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("client_id", UUID.class),
                        rs.getObject("next_review_due", LocalDate.class)),
                Date.valueOf(today.plusDays(properties.reviewDueWithin())),
                Date.valueOf(today),
                BATCH);
        for (Due plan : due) {
            boolean overdue = plan.date().isBefore(today);
            if (overdue) {
                items.resolve(PlanWorkItems.reviewDueKey(plan.id(), plan.date()), "REVIEW_OVERDUE");
            }
            items.raise(new NewWorkItem(
                    plan.clientId(),
                    overdue ? PlanWorkItems.REVIEW_OVERDUE : PlanWorkItems.REVIEW_DUE,
                    overdue ? Priority.HIGH : Priority.NORMAL,
                    overdue ? "REVIEW_OVERDUE" : "REVIEW_DUE_SOON",
                    work.owner(plan.clientId()),
                    overdue
                            ? endOfToday
                            : plan.date()
                                    .plusDays(1)
                                    .atStartOfDay(plans.timeZone())
                                    .toInstant(),
                    overdue
                            ? PlanWorkItems.reviewOverdueKey(plan.id(), plan.date())
                            : PlanWorkItems.reviewDueKey(plan.id(), plan.date())));
        }
        if (!due.isEmpty()) {
            log.info("Raised {} plan review work items", due.size());
        }
        return due.size();
    }

    private record Due(UUID id, UUID clientId, LocalDate date) {}
}
