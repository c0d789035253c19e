package org.iopcare.intake.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.DischargeReason;

/** A client as staff see it, with their enrollments, latest first. */
public record ClientView(
        UUID id,
        String firstName,
        String lastName,
        String preferredName,
        String phone,
        String email,
        String timeZone,
        Consent smsConsent,
        Consent emailConsent,
        Consent part2Consent,
        Instant createdAt,
        Instant updatedAt,
        List<EnrollmentView> enrollments) {

    /** One enrollment; {@code dischargedAt} is null while it is open. */
    public record EnrollmentView(
            UUID id,
            UUID inquiryId,
            UUID screeningId,
            String trackCode,
            LocalDate startDate,
            String primaryClinicianId,
            AgeGroup ageGroup,
            Instant enrolledAt,
            DischargeReason dischargeReason,
            LocalDate dischargeEffectiveDate,
            Instant dischargedAt) {

        static EnrollmentView of(Enrollment e) {
            return new EnrollmentView(
                    e.id(),
                    e.inquiryId(),
                    e.screeningId(),
                    e.trackCode(),
                    e.startDate(),
                    e.primaryClinicianId(),
                    e.ageGroup(),
                    e.enrolledAt(),
                    e.dischargeReason(),
                    e.dischargeEffective(),
                    e.dischargedAt());
        }
    }

    static ClientView of(Client c, List<Enrollment> enrollments) {
        return new ClientView(
                c.id(),
                c.firstName(),
                c.lastName(),
                c.preferredName(),
                c.phone(),
                c.email(),
                c.timeZone(),
                c.smsConsentRecord(),
                c.emailConsentRecord(),
                c.part2ConsentRecord(),
                c.createdAt(),
                c.updatedAt(),
                enrollments.stream().map(EnrollmentView::of).toList());
    }
}
