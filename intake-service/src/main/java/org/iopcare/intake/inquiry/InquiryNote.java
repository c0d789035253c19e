package org.iopcare.intake.inquiry;

import java.time.Instant;

/** One entry of an inquiry's pipeline history: a status change, a note, or both. */
public record InquiryNote(InquiryStatus from, InquiryStatus to, String note, String author, Instant writtenAt) {}
