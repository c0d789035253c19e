package org.iopcare.scheduling.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.iopcare.events.AgeGroup;

/** A client's current enrollment as staff see it in scheduling. */
public record EnrollmentView(
        UUID clientId,
        UUID enrollmentId,
        String trackCode,
        LocalDate startDate,
        String primaryClinicianId,
        AgeGroup ageGroup,
        String timeZone,
        Instant enrolledAt) {

    static EnrollmentView of(ClientEnrollment enrollment) {
        return new EnrollmentView(
                enrollment.clientId(),
                enrollment.enrollmentId(),
                enrollment.trackCode(),
                enrollment.startDate(),
                enrollment.primaryClinicianId(),
                enrollment.ageGroup(),
                enrollment.timeZone().getId(),
                enrollment.enrolledAt());
    }
}
