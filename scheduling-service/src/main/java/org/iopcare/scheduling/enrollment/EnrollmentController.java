package org.iopcare.scheduling.enrollment;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EnrollmentController {

    private final ClientEnrollments enrollments;

    EnrollmentController(ClientEnrollments enrollments) {
        this.enrollments = enrollments;
    }

    /** The enrollment a client's schedule is built from; 404 until its `enrolled` event arrived. */
    @GetMapping("/api/clients/{id}/enrollment")
    @PreAuthorize("hasAnyRole('SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
    EnrollmentView get(@PathVariable UUID id) {
        return EnrollmentView.of(enrollments.get(id));
    }
}
