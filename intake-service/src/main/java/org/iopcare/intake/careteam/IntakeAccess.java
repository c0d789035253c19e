package org.iopcare.intake.careteam;

import static org.iopcare.support.security.StaffRole.CLINICAL_SUPERVISOR;
import static org.iopcare.support.security.StaffRole.INTAKE_COORDINATOR;
import static org.iopcare.support.security.StaffRole.PRIVACY_OFFICER;
import static org.iopcare.support.security.StaffRole.PROGRAM_ADMIN;
import static org.iopcare.support.security.StaffRole.SCHEDULER;

import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.caseload.Caseload.Rule;

/**
 * intake's rows of the access matrix (docs/architecture.md, "Who sees what"): which of an
 * endpoint's roles see every client. A clinician sees the clients on their care teams and, in
 * intake, inquirers who have no care team yet.
 */
public final class IntakeAccess {

    /** Inquiries and their history. */
    public static final Rule PIPELINE = Caseload.clinicWide(INTAKE_COORDINATOR, CLINICAL_SUPERVISOR, PROGRAM_ADMIN)
            .withUnassignedClients();

    /** Changes only intake coordinators and administrators make (the @PreAuthorize rule keeps others out). */
    public static final Rule ADMINISTRATIVE = Caseload.clinicWide(INTAKE_COORDINATOR, PROGRAM_ADMIN);

    /** Recording and overriding screenings. */
    public static final Rule SCREENING =
            Caseload.clinicWide(CLINICAL_SUPERVISOR).withUnassignedClients();

    /** Reading a screening: coordinators see its results only. */
    public static final Rule SCREENING_READ =
            Caseload.clinicWide(INTAKE_COORDINATOR, CLINICAL_SUPERVISOR).withUnassignedClients();

    /** The client record, contact and consents, and the care team. */
    public static final Rule CLIENT = Caseload.clinicWide(
                    INTAKE_COORDINATOR, SCHEDULER, CLINICAL_SUPERVISOR, PROGRAM_ADMIN)
            .withUnassignedClients();

    /** Discharge. */
    public static final Rule DISCHARGE = Caseload.clinicWide(INTAKE_COORDINATOR, CLINICAL_SUPERVISOR, PROGRAM_ADMIN);

    /** Reviewing break-glass grants. */
    public static final Rule GRANT_REVIEW = Caseload.clinicWide(CLINICAL_SUPERVISOR, PRIVACY_OFFICER);

    private IntakeAccess() {}
}
