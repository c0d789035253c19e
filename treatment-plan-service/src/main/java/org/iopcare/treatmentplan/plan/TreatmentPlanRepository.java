package org.iopcare.treatmentplan.plan;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TreatmentPlanRepository extends JpaRepository<TreatmentPlan, UUID> {

    /** The client's latest plan: the open one if there is one, else the last closed. */
    Optional<TreatmentPlan> findFirstByClientIdOrderByOpenedAtDesc(UUID clientId);

    boolean existsByClientIdAndStatusNot(UUID clientId, PlanStatus status);

    /** The client's open plan, locked: writers of one plan queue, so version numbers never race. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from TreatmentPlan p where p.clientId = :clientId"
            + " and p.status <> org.iopcare.treatmentplan.plan.PlanStatus.CLOSED")
    Optional<TreatmentPlan> findOpenForUpdate(UUID clientId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from TreatmentPlan p where p.id = :id")
    Optional<TreatmentPlan> findForUpdate(UUID id);

    /** The client a plan belongs to, for the caseload check before the plan itself is read. */
    @Query("select p.clientId from TreatmentPlan p where p.id = :id")
    Optional<UUID> findClientIdById(UUID id);

    /** Open plans whose review is due on or before the day, oldest due first. */
    @Query("select p from TreatmentPlan p where p.status <> org.iopcare.treatmentplan.plan.PlanStatus.CLOSED"
            + " and p.nextReviewDue <= :day order by p.nextReviewDue, p.id")
    List<TreatmentPlan> findReviewsDueBy(LocalDate day);

    /** The same, for these clients only (a clinician's caseload). */
    @Query("select p from TreatmentPlan p where p.status <> org.iopcare.treatmentplan.plan.PlanStatus.CLOSED"
            + " and p.nextReviewDue <= :day and p.clientId in :clients order by p.nextReviewDue, p.id")
    List<TreatmentPlan> findReviewsDueByForClients(LocalDate day, Collection<UUID> clients);
}
