package org.iopcare.treatmentplan.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.iopcare.events.ClientEnrolled;

/** A client's treatment plan. One per client, opened as a draft when the client is enrolled. */
@Entity
@Table(name = "treatment_plan")
public class TreatmentPlan {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(name = "enrollment_id", nullable = false)
    private UUID enrollmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanStatus status;

    @Column(name = "primary_clinician_id", nullable = false)
    private String primaryClinicianId;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "next_review_due", nullable = false)
    private LocalDate nextReviewDue;

    // A wrapper, so Spring Data sees a new plan by its null version and inserts without a SELECT.
    @Version
    private Long version;

    protected TreatmentPlan() {}

    /** A draft plan for a newly enrolled client, its first review counted from the start date. */
    static TreatmentPlan open(ClientEnrolled event, ReviewSchedule reviews, Instant now) {
        requireComplete(event);
        TreatmentPlan plan = new TreatmentPlan();
        plan.id = UUID.randomUUID();
        plan.clientId = event.clientId();
        plan.enrollmentId = event.enrollmentId();
        plan.status = PlanStatus.DRAFT;
        plan.primaryClinicianId = event.primaryClinicianId();
        plan.startDate = event.startDate();
        plan.openedAt = now;
        plan.nextReviewDue = reviews.firstReviewDue(event.startDate());
        return plan;
    }

    /** Refuses an event a plan cannot be opened from; the message names fields, never values. */
    static void requireComplete(ClientEnrolled event) {
        require(event.eventId() != null, event, "eventId");
        require(event.clientId() != null, event, "clientId");
        require(event.enrollmentId() != null, event, "enrollmentId");
        require(event.startDate() != null, event, "startDate");
        require(
                event.primaryClinicianId() != null
                        && !event.primaryClinicianId().isBlank(),
                event,
                "primaryClinicianId");
    }

    private static void require(boolean condition, ClientEnrolled event, String field) {
        if (!condition) {
            throw new IllegalArgumentException("Enrolled event " + event.eventId() + " lacks a valid " + field);
        }
    }

    public UUID id() {
        return id;
    }

    public UUID clientId() {
        return clientId;
    }

    public UUID enrollmentId() {
        return enrollmentId;
    }

    public PlanStatus status() {
        return status;
    }

    public String primaryClinicianId() {
        return primaryClinicianId;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public LocalDate nextReviewDue() {
        return nextReviewDue;
    }
}
