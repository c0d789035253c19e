package org.iopcare.intake.inquiry;

import java.time.Instant;
import java.util.UUID;

/** What the public form gets back: a reference, never the data it sent. */
public record InquiryReceipt(UUID id, InquiryStatus status, Instant receivedAt) {

    static InquiryReceipt of(Inquiry inquiry) {
        return new InquiryReceipt(inquiry.id(), inquiry.status(), inquiry.receivedAt());
    }
}
