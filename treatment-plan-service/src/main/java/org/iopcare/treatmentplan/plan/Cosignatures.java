package org.iopcare.treatmentplan.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.iopcare.support.security.StaffCaller;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.iopcare.support.work.NewWorkItem;
import org.iopcare.support.work.Owner;
import org.iopcare.support.work.Priority;
import org.iopcare.support.work.WorkItems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Co-signature: a note signed, or a plan version written, by staff whose work needs it ({@link
 * CosignatureProperties}) waits for a clinical supervisor. Each waiting item is a NORMAL {@code
 * COSIGNATURE_DUE} work item in the supervisors' queue, done when co-signed. A version waiting for
 * co-signature cannot be activated.
 */
@Component
public class Cosignatures {

    public static final String COSIGNATURE_DUE = "COSIGNATURE_DUE";

    private final CosignatureProperties properties;
    private final WorkItems items;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Cosignatures(CosignatureProperties properties, WorkItems items, JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.items = items;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether what the caller signs or writes now needs a supervisor's co-signature. */
    public boolean requiredForCaller() {
        StaffCaller caller = StaffCaller.current();
        return properties.staff().contains(caller.subject())
                || properties.roles().stream().anyMatch(caller::has);
    }

    /** A note signed by such staff: a work item for the supervisors. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notePending(UUID clientId, UUID noteId) {
        raise(clientId, "NOTE_AWAITS_COSIGNATURE", noteKey(noteId));
    }

    /** The note was co-signed: its item is done. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void noteCosigned(UUID noteId) {
        items.resolve(noteKey(noteId), "COSIGNED");
    }

    /** A plan version written by such staff waits; a work item for the supervisors. */
    @Transactional(propagation = Propagation.MANDATORY)
    void versionPending(TreatmentPlan plan, int number) {
        jdbc.update("INSERT INTO plan_version_cosignature (plan_id, number) VALUES (?, ?)", plan.id(), number);
        raise(plan.clientId(), "PLAN_VERSION_AWAITS_COSIGNATURE", versionKey(plan.id(), number));
    }

    /** The versions of the plan still waiting for co-signature. */
    Set<Integer> pendingVersions(UUID planId) {
        return Set.copyOf(jdbc.queryForList(
                "SELECT number FROM plan_version_cosignature WHERE plan_id = ? AND cosigned_by IS NULL",
                Integer.class,
                planId));
    }

    /** Co-signs a waiting version; 409 when it is not waiting. */
    @Transactional(propagation = Propagation.MANDATORY)
    void cosignVersion(UUID planId, int number, String supervisor) {
        int updated = jdbc.update(
                "UPDATE plan_version_cosignature SET cosigned_by = ?, cosigned_at = ?"
                        + " WHERE plan_id = ? AND number = ? AND cosigned_by IS NULL",
                supervisor,
                Timestamp.from(Instant.now(clock)),
                planId,
                number);
        if (updated == 0) {
            throw ProblemException.conflict(
                    "not-awaiting-cosignature", "Version " + number + " is not waiting for a co-signature");
        }
        items.resolve(versionKey(planId, number), "COSIGNED");
    }

    private void raise(UUID clientId, String reason, String key) {
        items.raise(new NewWorkItem(
                clientId,
                COSIGNATURE_DUE,
                Priority.NORMAL,
                reason,
                Owner.queue(StaffRole.CLINICAL_SUPERVISOR),
                Instant.now(clock).plus(properties.dueWithin()),
                key));
    }

    public static String noteKey(UUID noteId) {
        return "cosign-note:" + noteId;
    }

    static String versionKey(UUID planId, int number) {
        return "cosign-version:" + planId + ":" + number;
    }
}
