package org.iopcare.treatmentplan.assessment;

/** Severity bands of PHQ-9 and GAD-7 totals (GAD-7 has no moderately severe band). */
public enum Band {
    MINIMAL,
    MILD,
    MODERATE,
    MODERATELY_SEVERE,
    SEVERE
}
