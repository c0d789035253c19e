package org.iopcare.events;

/** Where an inquiry stands in intake's pipeline. */
public enum InquiryStatus {
    /** Received, nobody has reached out yet. */
    NEW,
    /** Staff reached the inquirer. */
    CONTACTED,
    /** A screening is under way. */
    SCREENING,
    /** The inquirer became an enrolled client. */
    ENROLLED,
    /** Referred to another level of care or provider. */
    REFERRED_OUT,
    /** Closed without enrollment or referral. */
    CLOSED
}
