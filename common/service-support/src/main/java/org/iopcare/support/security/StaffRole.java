package org.iopcare.support.security;

import java.util.Arrays;

/** The staff roles a token may carry in its {@code roles} claim. */
public enum StaffRole {
    INTAKE_COORDINATOR,
    SCHEDULER,
    CLINICIAN,
    CLINICAL_SUPERVISOR,
    PROGRAM_ADMIN,
    /** Reviews the audit trail and the accounting of disclosures; reads no clinical record. */
    PRIVACY_OFFICER;

    public static String[] names() {
        return Arrays.stream(values()).map(Enum::name).toArray(String[]::new);
    }
}
