package org.iopcare.intake.inquiry;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InquiryRepository extends JpaRepository<Inquiry, UUID> {

    Page<Inquiry> findByStatus(InquiryStatus status, Pageable page);

    /**
     * Inquiries of the listed clients and of clients without a care team (a clinician's view of the
     * pipeline), optionally of one status; sorted by the page.
     */
    @Query(value = """
                    SELECT * FROM inquiry i
                    WHERE (CAST(:status AS text) IS NULL OR i.status = CAST(:status AS text))
                      AND (i.client_id = ANY(:clients)
                        OR NOT EXISTS (SELECT 1 FROM care_team_member m WHERE m.client_id = i.client_id))
                    """, countQuery = """
                    SELECT count(*) FROM inquiry i
                    WHERE (CAST(:status AS text) IS NULL OR i.status = CAST(:status AS text))
                      AND (i.client_id = ANY(:clients)
                        OR NOT EXISTS (SELECT 1 FROM care_team_member m WHERE m.client_id = i.client_id))
                    """, nativeQuery = true)
    Page<Inquiry> findVisible(@Nullable String status, UUID[] clients, Pageable page);
}
