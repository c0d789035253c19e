package org.iopcare.treatmentplan.plan;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Who sees which client's plan and assessments ({@code docs/architecture.md}, "Who sees what"):
 * clinical supervisors every client's, a clinician those of the clients on whose care team they are
 * or for whom they hold an unexpired emergency grant. Any other client is answered exactly as one
 * without a plan; a plan reached by its own id is resolved to its client first, so a plan outside
 * the caseload is answered exactly as a plan that does not exist.
 */
@Component
public class PlanCaseload {

    /** Callers allowed by an endpoint's role list who see every client: the supervisors. */
    public static final Caseload.Rule CLINICAL = Caseload.clinicWide(StaffRole.CLINICAL_SUPERVISOR);

    private final Caseload caseload;
    private final TreatmentPlanRepository plans;

    PlanCaseload(Caseload caseload, TreatmentPlanRepository plans) {
        this.caseload = caseload;
        this.plans = plans;
    }

    /** Lets the caller at this client's clinical record, or answers 404 naming only {@code what}. */
    public void requireClient(UUID clientId, String what) {
        caseload.require(clientId, CLINICAL, what);
    }

    /** Lets the caller at this plan, or answers 404 "Plan" whether it is missing or not theirs. */
    void requirePlan(UUID planId) {
        UUID client = plans.findClientIdById(planId).orElseThrow(() -> ProblemException.notFound("Plan"));
        caseload.require(client, CLINICAL, "Plan");
    }

    /** The clients whose plans the caller may list. */
    Caseload.Visibility visibility() {
        return caseload.visibility(CLINICAL);
    }

    /** Names the clients of a list about to be returned in the request's audit record. */
    <T> List<T> disclose(List<T> items, Function<T, UUID> clientOf) {
        return caseload.disclose(items, clientOf, CLINICAL);
    }
}
