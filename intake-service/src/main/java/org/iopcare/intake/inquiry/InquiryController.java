package org.iopcare.intake.inquiry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/inquiries")
class InquiryController {

    private static final String STAFF =
            "hasAnyRole('INTAKE_COORDINATOR','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')";

    private final Inquiries inquiries;

    InquiryController(Inquiries inquiries) {
        this.inquiries = inquiries;
    }

    /** The public form: no token. */
    @PostMapping
    ResponseEntity<InquiryReceipt> submit(@Valid @RequestBody NewInquiry request) {
        Inquiry inquiry = inquiries.receive(request);
        return ResponseEntity.created(URI.create("/api/inquiries/" + inquiry.id()))
                .body(InquiryReceipt.of(inquiry));
    }

    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    InquiryView get(@PathVariable UUID id) {
        return InquiryView.of(inquiries.get(id));
    }

    @GetMapping
    @PreAuthorize(STAFF)
    Page<InquiryView> list(
            @RequestParam(required = false) InquiryStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return inquiries
                .list(status, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "receivedAt")))
                .map(InquiryView::of);
    }
}
