package org.iopcare.treatmentplan.plan;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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

    // Plans are clinical content: clinicians (their caseload, see PlanCaseload) and supervisors
    // read and write them; administrators, intake and scheduling do not see them at all.
    static final String CLINICAL_STAFF = "hasAnyRole('CLINICIAN','CLINICAL_SUPERVISOR')";

    private final TreatmentPlans plans;
    private final ReviewSchedule reviews;
    private final PlanCaseload caseload;

    PlanController(TreatmentPlans plans, ReviewSchedule reviews, PlanCaseload caseload) {
        this.plans = plans;
        this.reviews = reviews;
        this.caseload = caseload;
    }

    /** The client's plan (the open one, else the last closed); 404 until `enrolled` opened one. */
    @GetMapping("/api/clients/{id}/plan")
    @PreAuthorize(CLINICAL_STAFF)
    PlanView forClient(@PathVariable UUID id) {
        caseload.requireClient(id, "Plan for client");
        return plans.viewForClient(id);
    }

    /** A new immutable version with the full content; 409 when based on an older version. */
    @PostMapping("/api/plans/{id}/versions")
    @PreAuthorize(CLINICAL_STAFF)
    ResponseEntity<PlanVersion> writeVersion(
            @PathVariable UUID id, @Valid @RequestBody NewPlanVersion request, Principal author) {
        caseload.requirePlan(id);
        PlanVersion version = plans.writeVersion(id, request, author.getName());
        return ResponseEntity.created(URI.create("/api/plans/" + id + "/versions/" + version.number()))
                .body(version);
    }

    /** Every version: who, when, why. */
    @GetMapping("/api/plans/{id}/versions")
    @PreAuthorize(CLINICAL_STAFF)
    List<VersionSummary> versions(@PathVariable UUID id) {
        caseload.requirePlan(id);
        Set<Integer> waiting = plans.awaitingCosignature(id);
        return plans.versions(id).stream()
                .map(v -> VersionSummary.of(v, waiting.contains(v.number())))
                .toList();
    }

    /** A supervisor co-signs a version written by staff whose work needs it. */
    @PostMapping("/api/plans/{id}/versions/{number}/cosign")
    @PreAuthorize("hasRole('CLINICAL_SUPERVISOR')")
    VersionSummary cosign(@PathVariable UUID id, @PathVariable int number, Principal supervisor) {
        caseload.requirePlan(id);
        return VersionSummary.of(plans.cosignVersion(id, number, supervisor.getName()), false);
    }

    /** One version with its content. */
    @GetMapping("/api/plans/{id}/versions/{number}")
    @PreAuthorize(CLINICAL_STAFF)
    PlanVersion version(@PathVariable UUID id, @PathVariable int number) {
        caseload.requirePlan(id);
        return plans.version(id, number);
    }

    /** Activates the current version with the client's acknowledgement. */
    @PostMapping("/api/plans/{id}/activate")
    @PreAuthorize(CLINICAL_STAFF)
    PlanView activate(@PathVariable UUID id, @Valid @RequestBody Activation request) {
        caseload.requirePlan(id);
        TreatmentPlan plan = plans.activate(id, request);
        return plans.viewForClient(plan.clientId());
    }

    /**
     * Open plans whose review is due today or overdue, most overdue first: every client's for a
     * supervisor, the caller's caseload for a clinician.
     */
    @GetMapping("/api/plans/reviews-due")
    @PreAuthorize(CLINICAL_STAFF)
    List<ReviewDue> reviewsDue() {
        LocalDate today = reviews.today();
        List<ReviewDue> due = plans.reviewsDue(caseload.visibility()).stream()
                .map(plan -> ReviewDue.of(plan, today))
                .toList();
        return caseload.disclose(due, ReviewDue::clientId);
    }
}
