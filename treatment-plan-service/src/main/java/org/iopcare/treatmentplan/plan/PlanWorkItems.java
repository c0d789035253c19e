package org.iopcare.treatmentplan.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.work.NewWorkItem;
import org.iopcare.support.work.Owner;
import org.iopcare.support.work.Priority;
import org.iopcare.support.work.WorkItemProperties;
import org.iopcare.support.work.WorkItems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work items of treatment plans, raised and closed in the transaction of their cause: a flag
 * on a plan ({@link #flagged}, closed by the review that clears it), a review falling due or
 * overdue ({@link ReviewDueItems}, closed by the review), a worsening score ({@link #worsened},
 * closed by staff). Discharge cancels the client's open items of these kinds. Every item goes to
 * the client's primary clinician (the first of {@link Caseload#team}), or the clinicians' queue
 * while the client has no care team.
 */
@Component
public class PlanWorkItems {

    public static final String PLAN_FLAGGED = "PLAN_FLAGGED";
    public static final String REVIEW_DUE = "PLAN_REVIEW_DUE";
    public static final String REVIEW_OVERDUE = "PLAN_REVIEW_OVERDUE";
    public static final String SCORE_WORSENED = "SCORE_WORSENED";
    static final List<String> KINDS = List.of(PLAN_FLAGGED, REVIEW_DUE, REVIEW_OVERDUE, SCORE_WORSENED);
    static final String SYSTEM = "system";

    private final WorkItems items;
    private final Caseload caseload;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PlanWorkProperties properties;
    private final WorkItemProperties work;

    PlanWorkItems(
            WorkItems items,
            Caseload caseload,
            JdbcTemplate jdbc,
            Clock clock,
            PlanWorkProperties properties,
            WorkItemProperties work) {
        this.items = items;
        this.caseload = caseload;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.work = work;
    }

    /**
     * A new flag on the plan: one item per flag (plan, reason, flag row), HIGH, or URGENT for
     * {@link FlagReason#URGENT_SAFETY} (a positive self-harm answer escalates like intake's urgent
     * screening).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void flagged(TreatmentPlan plan, FlagReason reason, long flagId) {
        boolean urgent = reason == FlagReason.URGENT_SAFETY;
        Instant now = Instant.now(clock);
        items.raise(new NewWorkItem(
                plan.clientId(),
                PLAN_FLAGGED,
                urgent ? Priority.URGENT : Priority.HIGH,
                reason.name(),
                owner(plan.clientId()),
                now.plus(urgent ? work.escalateAfter() : properties.highDueWithin()),
                flagKey(plan.id(), reason, flagId)));
    }

    /** The flag was cleared by a review (activation): its item is done. */
    @Transactional(propagation = Propagation.MANDATORY)
    void flagCleared(UUID planId, FlagReason reason, long flagId) {
        items.resolve(flagKey(planId, reason, flagId), "PLAN_REVIEWED");
    }

    /** A review was recorded: the items of the review that was due on {@code wasDue} are done. */
    @Transactional(propagation = Propagation.MANDATORY)
    void reviewRecorded(UUID planId, LocalDate wasDue) {
        items.resolve(reviewDueKey(planId, wasDue), "REVIEW_RECORDED");
        items.resolve(reviewOverdueKey(planId, wasDue), "REVIEW_RECORDED");
    }

    /**
     * An assessment worse than the previous one of its instrument by at least the threshold: one
     * HIGH item for this assessment. Staff close it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void worsened(UUID clientId, UUID assessmentId, Instrument instrument) {
        items.raise(new NewWorkItem(
                clientId,
                SCORE_WORSENED,
                Priority.HIGH,
                instrument.name() + "_WORSENED",
                owner(clientId),
                Instant.now(clock).plus(properties.highDueWithin()),
                worseningKey(assessmentId)));
    }

    /** The points a later total must exceed the previous one by to be a worsening item. */
    public int worseningThreshold(Instrument instrument) {
        return instrument == Instrument.GAD7 ? properties.gad7Worsening() : properties.phq9Worsening();
    }

    /** The client left the program: every open item of these kinds is cancelled. */
    @Transactional(propagation = Propagation.MANDATORY)
    void discharged(UUID clientId) {
        List<UUID> open = jdbc.queryForList(
                "SELECT id FROM work_item WHERE client_id = ? AND kind = ANY (?) AND state IN ('OPEN', 'ACKNOWLEDGED')"
                        + " ORDER BY id FOR UPDATE",
                UUID.class,
                clientId,
                KINDS.toArray(String[]::new));
        for (UUID id : open) {
            items.find(id).ifPresent(item -> items.cancel(item, SYSTEM, "CLIENT_DISCHARGED", null));
        }
    }

    /** The primary clinician, or the clinicians' queue while the client has no care team. */
    Owner owner(UUID clientId) {
        List<String> team = caseload.team(clientId);
        return team.isEmpty() ? Owner.queue(StaffRole.CLINICIAN) : Owner.staff(team.get(0));
    }

    static String flagKey(UUID planId, FlagReason reason, long flagId) {
        return "plan-flag:" + planId + ":" + reason.name() + ":" + flagId;
    }

    static String reviewDueKey(UUID planId, LocalDate due) {
        return "review-due:" + planId + ":" + due;
    }

    static String reviewOverdueKey(UUID planId, LocalDate due) {
        return "review-overdue:" + planId + ":" + due;
    }

    public static String worseningKey(UUID assessmentId) {
        return "worsening:" + assessmentId;
    }
}
