package org.iopcare.intake.inquiry;

/** How the inquirer found the program. */
public enum ReferralSource {
    SELF,
    FAMILY,
    PRIMARY_CARE,
    THERAPIST,
    HOSPITAL,
    PHP_STEP_DOWN,
    INPATIENT_STEP_DOWN,
    COURT,
    EMPLOYER,
    SCHOOL,
    INSURANCE,
    OTHER
}
