package org.iopcare.treatmentplan.plan;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PlanController {

    static final String READERS = "hasAnyRole('CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')";
    static final String WRITERS = "hasAnyRole('CLINICIAN','CLINICAL_SUPERVISOR')";

    private final TreatmentPlans plans;
    private final ReviewSchedule reviews;

    PlanController(TreatmentPlans plans, ReviewSchedule reviews) {
        this.plans = plans;
        this.reviews = reviews;
    }

    /** The client's plan (the open one, else the last closed); 404 until `enrolled` opened one. */
    @GetMapping("/api/clients/{id}/plan")
    @PreAuthorize(READERS)
    PlanView forClient(@PathVariable UUID id) {
        return plans.viewForClient(id);
    }

    /** A new immutable version with the full content; 409 when based on an older version. */
    @PostMapping("/api/plans/{id}/versions")
    @PreAuthorize(WRITERS)
    ResponseEntity<PlanVersion> writeVersion(
            @PathVariable UUID id, @Valid @RequestBody NewPlanVersion request, Principal author) {
        PlanVersion version = plans.writeVersion(id, request, author.getName());
        return ResponseEntity.created(URI.create("/api/plans/" + id + "/versions/" + version.number()))
                .body(version);
    }

    /** Every version: who, when, why. */
    @GetMapping("/api/plans/{id}/versions")
    @PreAuthorize(READERS)
    List<VersionSummary> versions(@PathVariable UUID id) {
        return plans.versions(id).stream().map(VersionSummary::of).toList();
    }

    /** One version with its content. */
    @GetMapping("/api/plans/{id}/versions/{number}")
    @PreAuthorize(READERS)
    PlanVersion version(@PathVariable UUID id, @PathVariable int number) {
        return plans.version(id, number);
    }

    /** Activates the current version with the client's acknowledgement. */
    @PostMapping("/api/plans/{id}/activate")
    @PreAuthorize(WRITERS)
    PlanView activate(@PathVariable UUID id, @Valid @RequestBody Activation request) {
        TreatmentPlan plan = plans.activate(id, request);
        return plans.viewForClient(plan.clientId());
    }

    /** Open plans whose review is due today or overdue, most overdue first. */
    @GetMapping("/api/plans/reviews-due")
    @PreAuthorize(READERS)
    List<ReviewDue> reviewsDue() {
        LocalDate today = reviews.today();
        return plans.reviewsDue().stream()
                .map(plan -> ReviewDue.of(plan, today))
                .toList();
    }
}
