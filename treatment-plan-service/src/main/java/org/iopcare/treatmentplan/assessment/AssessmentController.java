package org.iopcare.treatmentplan.assessment;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
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

    AssessmentController(Assessments assessments) {
        this.assessments = assessments;
    }

    /** Records a PHQ-9 or GAD-7 administration against the client's open plan, scored and banded. */
    @PostMapping("/api/clients/{id}/assessments")
    @PreAuthorize("hasAnyRole('CLINICIAN','CLINICAL_SUPERVISOR')")
    ResponseEntity<Assessment> record(
            @PathVariable UUID id, @Valid @RequestBody NewAssessment request, Principal staff) {
        Assessment assessment = assessments.record(id, request, staff.getName());
        return ResponseEntity.created(URI.create("/api/clients/" + id + "/assessments"))
                .body(assessment);
    }

    /** The client's assessments and their trend against the plan's goal targets. */
    @GetMapping("/api/clients/{id}/assessments")
    @PreAuthorize("hasAnyRole('CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
    AssessmentHistory history(@PathVariable UUID id) {
        return assessments.history(id);
    }
}
