package org.iopcare.intake.inquiry;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InquiryRepository extends JpaRepository<Inquiry, UUID> {

    Page<Inquiry> findByStatus(InquiryStatus status, Pageable page);

    /** The earliest original inquiry from this phone or email since the given instant. */
    @Query(value = """
                    SELECT * FROM inquiry
                    WHERE received_at >= :since AND duplicate_of IS NULL
                      AND ((:phone IS NOT NULL AND phone = :phone)
                        OR (:email IS NOT NULL AND lower(email) = lower(:email)))
                    ORDER BY received_at LIMIT 1
                    """, nativeQuery = true)
    Optional<Inquiry> findRecentFromSameContact(String phone, String email, Instant since);
}
