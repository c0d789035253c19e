package org.iopcare.treatmentplan.plan;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
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
class PlanReviewController {

    private final PlanReviews reviews;
    private final PlanCaseload caseload;

    PlanReviewController(PlanReviews reviews, PlanCaseload caseload) {
        this.reviews = reviews;
        this.caseload = caseload;
    }

    /** Records a review: resolves the flags it addressed and moves the next review date. */
    @PostMapping("/api/plans/{id}/reviews")
    @PreAuthorize(PlanController.CLINICAL_STAFF)
    ResponseEntity<PlanReview> record(
            @PathVariable UUID id, @Valid @RequestBody NewPlanReview request, Principal reviewer) {
        caseload.requirePlan(id);
        PlanReview review = reviews.record(id, request, reviewer.getName());
        return ResponseEntity.created(URI.create("/api/plans/" + id + "/reviews"))
                .body(review);
    }

    /** The plan's reviews, oldest first. */
    @GetMapping("/api/plans/{id}/reviews")
    @PreAuthorize(PlanController.CLINICAL_STAFF)
    List<PlanReview> all(@PathVariable UUID id) {
        caseload.requirePlan(id);
        return reviews.all(id);
    }
}
