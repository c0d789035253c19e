package org.iopcare.intake.screening;

/** The six risk areas rated 0 (none) to 4 (severe) at screening. */
public enum RiskArea {
    WITHDRAWAL,
    BIOMEDICAL,
    EMOTIONAL,
    READINESS,
    RELAPSE,
    ENVIRONMENT
}
