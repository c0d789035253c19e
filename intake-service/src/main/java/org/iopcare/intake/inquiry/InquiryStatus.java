package org.iopcare.intake.inquiry;

/** Where an inquiry stands in the intake pipeline. */
public enum InquiryStatus {
    NEW,
    CONTACTED,
    SCREENING,
    ENROLLED,
    REFERRED_OUT,
    CLOSED
}
