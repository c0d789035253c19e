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
import org.iopcare.support.web.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * A client's treatment plan: its status, which version is current and which is active, and when
 * the next review falls due. The content lives in immutable versions ({@code plan_version}). At
 * most one plan per client is not CLOSED; a client who enrolls again after discharge gets a new one.
 */
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

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "active_version")
    private @Nullable Integer activeVersion;

    @Column(name = "activated_at")
    private @Nullable Instant activatedAt;

    @Column(name = "acknowledged_at")
    private @Nullable Instant acknowledgedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "acknowledgement_method")
    private Activation.@Nullable AcknowledgementMethod acknowledgementMethod;

    @Column(name = "closed_at")
    private @Nullable Instant closedAt;

    // A wrapper, so Spring Data sees a new plan by its null version and inserts without a SELECT.
    @Version
    private @Nullable Long version;

    /**
     * A bean getter because Spring Data reads the version through one to tell a new row from a
     * stored one; without it, every save would build and throw an exception before falling back to
     * the field.
     */
    public @Nullable Long getVersion() {
        return version;
    }

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

    /**
     * Takes the next version number for a write based on {@code basedOn}; refuses a closed plan
     * and a stale write (based on anything but the current version).
     */
    int nextVersion(int basedOn) {
        requireOpen();
        if (basedOn != currentVersion) {
            throw ProblemException.conflict(
                    "stale-plan-version",
                    "The plan has moved on: version " + currentVersion
                            + " is current, not the one the write is based on; reload the plan and apply the change again");
        }
        currentVersion++;
        return currentVersion;
    }

    /**
     * Makes the current version active with the client's acknowledgement. Activation is a review:
     * it resolves the plan's flags, and sets the next review (the first review date while the plan
     * was never active and that date is still ahead, otherwise one cadence from today).
     */
    void activate(Activation request, LocalDate today, ReviewSchedule reviews, Instant now) {
        requireOpen();
        if (currentVersion == 0) {
            throw ProblemException.conflict("plan-without-version", "The plan has no version to activate yet");
        }
        if (request.version() != currentVersion) {
            throw ProblemException.conflict(
                    "stale-plan-version", "Only the current version " + currentVersion + " can be activated");
        }
        if (status == PlanStatus.ACTIVE && activeVersion != null && activeVersion == currentVersion) {
            throw ProblemException.conflict("plan-already-active", "Version " + currentVersion + " is already active");
        }
        if (request.acknowledgedAt().isAfter(now)) {
            throw ProblemException.unprocessable(
                    "acknowledgement-in-the-future", "acknowledgedAt must not be in the future");
        }
        LocalDate first = reviews.firstReviewDue(startDate);
        nextReviewDue = activeVersion == null && first.isAfter(today) ? first : reviews.nextReviewDue(today);
        activeVersion = currentVersion;
        activatedAt = now;
        acknowledgedAt = request.acknowledgedAt();
        acknowledgementMethod = request.acknowledgementMethod();
        status = PlanStatus.ACTIVE;
    }

    /**
     * Records a review held today: the next review falls due one cadence from today, and a plan
     * flagged for review returns to where it stood once no flag is left open (ACTIVE when a version
     * is in force, DRAFT otherwise).
     */
    void reviewed(LocalDate today, ReviewSchedule reviews, boolean flagsLeft) {
        requireOpen();
        nextReviewDue = reviews.nextReviewDue(today);
        if (status == PlanStatus.REVIEW_REQUIRED && !flagsLeft) {
            status = activeVersion == null ? PlanStatus.DRAFT : PlanStatus.ACTIVE;
        }
    }

    /** Flags the plan for review; a closed plan takes no flags. */
    void flag() {
        requireOpen();
        status = PlanStatus.REVIEW_REQUIRED;
    }

    /** Closes the plan on discharge; its versions stay as the record. */
    void close(Instant now) {
        status = PlanStatus.CLOSED;
        closedAt = now;
    }

    boolean isOpen() {
        return status != PlanStatus.CLOSED;
    }

    private void requireOpen() {
        if (status == PlanStatus.CLOSED) {
            throw ProblemException.conflict("plan-closed", "The plan is closed and cannot change");
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

    public int currentVersion() {
        return currentVersion;
    }

    public @Nullable Integer activeVersion() {
        return activeVersion;
    }

    public @Nullable Instant activatedAt() {
        return activatedAt;
    }

    public @Nullable Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public Activation.@Nullable AcknowledgementMethod acknowledgementMethod() {
        return acknowledgementMethod;
    }

    public @Nullable Instant closedAt() {
        return closedAt;
    }
}
