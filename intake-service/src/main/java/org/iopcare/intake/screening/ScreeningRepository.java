package org.iopcare.intake.screening;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScreeningRepository extends JpaRepository<Screening, UUID> {

    Optional<Screening> findFirstByInquiryIdOrderByScreenedAtDesc(UUID inquiryId);
}
