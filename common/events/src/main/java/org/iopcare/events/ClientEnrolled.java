package org.iopcare.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A client was enrolled in a program track. Scheduling builds the schedule from it, treatment-plan
 * opens a draft plan, notification-service learns the client's contact, consents and time zone.
 *
 * @param eventId unique per event
 * @param occurredAt when the enrollment was recorded
 * @param clientId the client
 * @param enrollmentId the enrollment
 * @param trackCode the program track's code, e.g. {@code MH-IOP-AM}; never shown to the client
 * @param startDate first day in the program, in the track's time zone
 * @param primaryClinicianId the staff subject of the primary clinician
 * @param ageGroup sets the weekly attendance minimum
 * @param timeZone the client's IANA time zone, for message send windows
 * @param preferredName how to greet the client; may be null
 * @param phone E.164 mobile number, or null
 * @param email email address, or null
 * @param smsConsent consent to receive SMS
 * @param emailConsent consent to receive email
 * @param preferredChannel the channel the client asked to be contacted on, as intake holds it at
 *     enrollment; absent when not known (notification-service then keeps what it learned before)
 */
public record ClientEnrolled(
        UUID eventId,
        Instant occurredAt,
        UUID clientId,
        UUID enrollmentId,
        String trackCode,
        LocalDate startDate,
        String primaryClinicianId,
        AgeGroup ageGroup,
        String timeZone,
        @Nullable String preferredName,
        @Nullable String phone,
        @Nullable String email,
        boolean smsConsent,
        boolean emailConsent,
        @Nullable ContactChannel preferredChannel)
        implements IntegrationEvent {

    /** An enrollment that does not say which channel the client prefers. */
    public ClientEnrolled(
            UUID eventId,
            Instant occurredAt,
            UUID clientId,
            UUID enrollmentId,
            String trackCode,
            LocalDate startDate,
            String primaryClinicianId,
            AgeGroup ageGroup,
            String timeZone,
            String preferredName,
            String phone,
            String email,
            boolean smsConsent,
            boolean emailConsent) {
        this(
                eventId,
                occurredAt,
                clientId,
                enrollmentId,
                trackCode,
                startDate,
                primaryClinicianId,
                ageGroup,
                timeZone,
                preferredName,
                phone,
                email,
                smsConsent,
                emailConsent,
                null);
    }

    /** Ids only: contact details must never reach a log line through an exception message. */
    @Override
    public String toString() {
        return "ClientEnrolled[eventId=" + eventId + ", clientId=" + clientId + "]";
    }
}
