package org.iopcare.treatmentplan.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.PlanChangeType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags a client's open plan for review. A reason is raised at most once while it is open (a
 * partial unique index backs this up), so the same cause arriving twice publishes one FLAGGED.
 */
@Component
public class PlanFlags {

    private final TreatmentPlanRepository plans;
    private final JdbcTemplate jdbc;
    private final PlanEvents events;
    private final PlanWorkItems work;
    private final Clock clock;

    PlanFlags(TreatmentPlanRepository plans, JdbcTemplate jdbc, PlanEvents events, PlanWorkItems work, Clock clock) {
        this.plans = plans;
        this.jdbc = jdbc;
        this.events = events;
        this.work = work;
        this.clock = clock;
    }

    /**
     * Raises a flag on the client's open plan, in the caller's transaction. True when the flag is
     * new and {@code plan-updated} FLAGGED was published; false when the client has no open plan
     * or the reason is already open. A new flag is a work item for the primary clinician.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean raise(UUID clientId, FlagReason reason, boolean urgent) {
        TreatmentPlan plan = plans.findOpenForUpdate(clientId).orElse(null);
        if (plan == null) {
            return false;
        }
        Instant now = Instant.now(clock);
        List<Long> inserted = jdbc.queryForList("""
                INSERT INTO plan_flag (plan_id, reason, urgent, raised_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (plan_id, reason) WHERE cleared_at IS NULL DO NOTHING RETURNING id
                """, Long.class, plan.id(), reason.name(), urgent, Timestamp.from(now));
        if (inserted.isEmpty()) {
            return false;
        }
        plan.flag();
        work.flagged(plan, reason, inserted.get(0));
        events.publish(plan, PlanChangeType.FLAGGED, List.of(reason), urgent);
        return true;
    }

    /** The plan's open flags, oldest first. */
    List<FlagReason> open(UUID planId) {
        return jdbc
                .queryForList(
                        "SELECT reason FROM plan_flag WHERE plan_id = ? AND cleared_at IS NULL ORDER BY id",
                        String.class,
                        planId)
                .stream()
                .map(FlagReason::valueOf)
                .toList();
    }

    /**
     * Resolves every open flag: the plan was reviewed (activated) or closed. Each flag's work item
     * still open is done (a discharge cancelled them first).
     */
    void clear(UUID planId) {
        clear(planId, null);
    }

    /**
     * Resolves the plan's open flags of these reasons ({@code null}: all of them) and closes their
     * work items; returns the reasons resolved.
     */
    List<FlagReason> clear(UUID planId, @Nullable Collection<FlagReason> reasons) {
        String @Nullable [] only =
                reasons == null ? null : reasons.stream().map(Enum::name).toArray(String[]::new);
        List<Cleared> cleared = jdbc.query(
                "UPDATE plan_flag SET cleared_at = ? WHERE plan_id = ? AND cleared_at IS NULL"
                        + " AND (?::varchar[] IS NULL OR reason = ANY (?::varchar[])) RETURNING id, reason",
                (rs, n) -> new Cleared(rs.getLong("id"), FlagReason.valueOf(rs.getString("reason"))),
                Timestamp.from(Instant.now(clock)),
                planId,
                only,
                only);
        for (Cleared flag : cleared) {
            work.flagCleared(planId, flag.reason(), flag.id());
        }
        return cleared.stream().map(Cleared::reason).toList();
    }

    private record Cleared(long id, FlagReason reason) {}
}
