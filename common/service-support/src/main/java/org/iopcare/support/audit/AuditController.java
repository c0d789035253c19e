package org.iopcare.support.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.iopcare.support.web.Paging;
import org.iopcare.support.web.ProblemException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's audit trail, for review: who read or changed what, and whether the trail is
 * intact. Every service serves it for its own trail; a staff console merges them. Reading the
 * trail is itself a recorded access.
 */
@RestController
@Validated
@RequestMapping("/api/audit")
class AuditController {

    private final AuditReview review;
    private final AuditChain chain;

    AuditController(AuditReview review, AuditChain chain) {
        this.review = review;
        this.chain = chain;
    }

    /**
     * Recorded requests, newest first. With {@code clientId}: the requests that disclosed the
     * client (named in the path, or reported by the handler). Dates are UTC days, [from, to).
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER','CLINICAL_SUPERVISOR')")
    Page<AuditReview.Entry> entries(
            @RequestParam(required = false) UUID clientId,
            @RequestParam(required = false) @Size(min = 1, max = 500) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.unprocessable("bad-range", "to must follow from");
        }
        return review.entries(
                new AuditReview.Filter(
                        clientId,
                        actor,
                        from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        to == null ? null : to.atStartOfDay(ZoneOffset.UTC).toInstant()),
                PageRequest.of(page, size));
    }

    /** Recomputes the trail's hash chain and reports the first broken link, if any. */
    @GetMapping("/verification")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER','PROGRAM_ADMIN')")
    AuditChain.Verification verification() {
        return chain.verify();
    }
}
