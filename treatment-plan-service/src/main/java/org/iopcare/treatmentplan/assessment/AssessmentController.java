package org.iopcare.treatmentplan.assessment;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.iopcare.treatmentplan.plan.PlanCaseload;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AssessmentController {

    private final Assessments assessments;
    private final PlanCaseload caseload;

    AssessmentController(Assessments assessments, PlanCaseload caseload) {
        this.assessments = assessments;
        this.caseload = caseload;
    }

    /** Records a PHQ-9 or GAD-7 administration against the client's open plan, scored and banded. */
    @PostMapping("/api/clients/{id}/assessments")
    @PreAuthorize("hasAnyRole('CLINICIAN','CLINICAL_SUPERVISOR')")
    ResponseEntity<Assessment> record(
            @PathVariable UUID id, @Valid @RequestBody NewAssessment request, Principal staff) {
        // the same answer as for a client without an open plan
        caseload.requireClient(id, "Open plan for client");
        Assessment assessment = assessments.record(id, request, staff.getName());
        return ResponseEntity.created(URI.create("/api/clients/" + id + "/assessments"))
                .body(assessment);
    }

    /** The client's assessments and their trend against the plan's goal targets. */
    @GetMapping("/api/clients/{id}/assessments")
    @PreAuthorize("hasAnyRole('CLINICIAN','CLINICAL_SUPERVISOR')")
    AssessmentHistory history(@PathVariable UUID id) {
        // the same answer as for a client without a plan
        caseload.requireClient(id, "Plan for client");
        return assessments.history(id);
    }
}
