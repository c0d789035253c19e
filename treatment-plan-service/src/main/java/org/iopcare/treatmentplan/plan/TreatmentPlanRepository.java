package org.iopcare.treatmentplan.plan;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TreatmentPlanRepository extends JpaRepository<TreatmentPlan, UUID> {

    Optional<TreatmentPlan> findByClientId(UUID clientId);

    boolean existsByClientId(UUID clientId);
}
