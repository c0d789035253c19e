package org.iopcare.intake.work;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.LevelOfCare;
import org.iopcare.support.db.TransactionLocks;
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
 * An urgent screening (PHQ-9 item 9 above 0, or a CRISIS or INPATIENT level) becomes one URGENT
 * item for the inquirer's primary clinician, or the clinicians' queue (on call) before a care team
 * names one. A client has at most one open urgent-screening item: a repeated or overridden
 * screening while one is open raises nothing more. The risk does not go away by itself, so the item
 * closes when a clinician completes it, or automatically when an override of its screening leaves
 * it no longer urgent.
 */
@Component
public class UrgentScreeningItems {

    static final String KIND = "URGENT_SCREENING";

    private final WorkItems items;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final WorkItemProperties work;

    UrgentScreeningItems(WorkItems items, JdbcTemplate jdbc, Clock clock, WorkItemProperties work) {
        this.items = items;
        this.jdbc = jdbc;
        this.clock = clock;
        this.work = work;
    }

    /** Called in the transaction that records or overrides a screening. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void screened(UUID screeningId, UUID clientId, boolean selfHarmOrCrisis, LevelOfCare decided) {
        String key = key(screeningId);
        boolean urgent = selfHarmOrCrisis || decided == LevelOfCare.CRISIS || decided == LevelOfCare.INPATIENT;
        if (!urgent) {
            items.resolve(key, "RISK_REASSESSED");
            return;
        }
        TransactionLocks.lock(jdbc, "work-item:" + KIND + ":" + clientId);
        Boolean open = jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM work_item WHERE client_id = ? AND kind = ?
                    AND state IN ('OPEN', 'ACKNOWLEDGED'))
                """, Boolean.class, clientId, KIND);
        if (Boolean.TRUE.equals(open)) {
            return;
        }
        List<String> primary = jdbc.queryForList(
                "SELECT staff_id FROM care_team WHERE client_id = ? AND team_role = 'PRIMARY_CLINICIAN'",
                String.class,
                clientId);
        Owner owner = primary.isEmpty() ? Owner.queue(StaffRole.CLINICIAN) : Owner.staff(primary.get(0));
        items.raise(new NewWorkItem(
                clientId,
                KIND,
                Priority.URGENT,
                selfHarmOrCrisis ? "SELF_HARM_OR_CRISIS" : "LEVEL_" + decided.name(),
                owner,
                Instant.now(clock).plus(work.escalateAfter()),
                key));
    }

    static String key(UUID screeningId) {
        return "urgent-screening:" + screeningId;
    }
}
