package org.iopcare.intake.client;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface EnrollmentRepository extends JpaRepository<Enrollment, UUID> {

    Optional<Enrollment> findByClientIdAndDischargedAtIsNull(UUID clientId);

    List<Enrollment> findByClientIdOrderByEnrolledAtDesc(UUID clientId);
}
