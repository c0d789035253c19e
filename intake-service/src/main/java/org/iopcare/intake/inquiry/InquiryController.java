package org.iopcare.intake.inquiry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.iopcare.intake.careteam.IntakeAccess;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.caseload.Caseload.Visibility;
import org.iopcare.support.web.Paging;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Inquiries: the public form and the staff pipeline. */
@RestController
@Validated
@RequestMapping("/api/inquiries")
class InquiryController {

    private static final String STAFF =
            "hasAnyRole('INTAKE_COORDINATOR','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')";

    private static final String PIPELINE = "hasAnyRole('INTAKE_COORDINATOR','PROGRAM_ADMIN')";

    private final Inquiries inquiries;
    private final Caseload caseload;

    InquiryController(Inquiries inquiries, Caseload caseload) {
        this.inquiries = inquiries;
        this.caseload = caseload;
    }

    /**
     * The public form: no token. With an {@code Idempotency-Key}, a retry gets the first answer
     * again.
     */
    @PostMapping
    ResponseEntity<InquiryReceipt> submit(
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 100) String idempotencyKey,
            @Valid @RequestBody NewInquiry request) {
        InquiryReceipt receipt;
        try {
            receipt = inquiries.submit(request, idempotencyKey);
        } catch (DataIntegrityViolationException e) {
            if (idempotencyKey == null) {
                throw e;
            }
            // A concurrent request with the same key stored first: answer as it did.
            receipt = inquiries.replayed(request, idempotencyKey);
        }
        return ResponseEntity.created(URI.create("/api/inquiries/" + receipt.id()))
                .body(receipt);
    }

    /** A staff step in the pipeline: status change and/or note. */
    @PatchMapping("/{id}")
    @PreAuthorize(PIPELINE)
    InquiryView change(@PathVariable UUID id, @Valid @RequestBody InquiryChange change, Principal staff) {
        caseload.require(inquiries.get(id).clientId(), IntakeAccess.ADMINISTRATIVE, "Inquiry");
        return InquiryView.of(inquiries.change(id, change, staff.getName()));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize(STAFF)
    List<InquiryNote> history(@PathVariable UUID id) {
        caseload.require(inquiries.get(id).clientId(), IntakeAccess.PIPELINE, "Inquiry");
        return inquiries.history(id);
    }

    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    InquiryView get(@PathVariable UUID id) {
        Inquiry inquiry = inquiries.get(id);
        caseload.require(inquiry.clientId(), IntakeAccess.PIPELINE, "Inquiry");
        return InquiryView.of(inquiry);
    }

    @GetMapping
    @PreAuthorize(STAFF)
    Page<InquiryView> list(
            @RequestParam(required = false) InquiryStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        Visibility visible = caseload.visibility(IntakeAccess.PIPELINE);
        Page<Inquiry> found = visible.all()
                ? inquiries.list(status, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "receivedAt")))
                : inquiries.listOf(
                        status,
                        visible.clientArray(),
                        PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "received_at")));
        caseload.disclose(found.getContent(), Inquiry::clientId, IntakeAccess.PIPELINE);
        return found.map(InquiryView::of);
    }
}
