package org.iopcare.scheduling.enrollment;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClientEnrollmentRepository extends JpaRepository<ClientEnrollment, UUID> {}
