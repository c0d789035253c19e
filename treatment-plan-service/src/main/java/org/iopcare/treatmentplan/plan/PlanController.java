package org.iopcare.treatmentplan.plan;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PlanController {

    private final TreatmentPlans plans;

    PlanController(TreatmentPlans plans) {
        this.plans = plans;
    }

    /** The client's plan; 404 until the client's `enrolled` event has opened one. */
    @GetMapping("/api/clients/{id}/plan")
    @PreAuthorize("hasAnyRole('CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
    PlanView forClient(@PathVariable UUID id) {
        return PlanView.of(plans.forClient(id));
    }
}
