package org.iopcare.scheduling.enrollment;

import java.util.UUID;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.security.StaffRole;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EnrollmentController {

    /** Every client's enrollment for scheduling, supervision and admin. */
    static final Caseload.Rule ENROLLMENTS =
            Caseload.clinicWide(StaffRole.SCHEDULER, StaffRole.CLINICAL_SUPERVISOR, StaffRole.PROGRAM_ADMIN);

    private final ClientEnrollments enrollments;
    private final Caseload caseload;

    EnrollmentController(ClientEnrollments enrollments, Caseload caseload) {
        this.enrollments = enrollments;
        this.caseload = caseload;
    }

    /** The enrollment a client's schedule is built from; 404 until its `enrolled` event arrived. */
    @GetMapping("/api/clients/{id}/enrollment")
    @PreAuthorize("hasAnyRole('SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
    EnrollmentView get(@PathVariable UUID id) {
        caseload.require(id, ENROLLMENTS, "Enrollment of client");
        return EnrollmentView.of(enrollments.get(id));
    }
}
