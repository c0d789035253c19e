package org.iopcare.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A client left the program. Scheduling cancels the future sessions, notification-service drops
 * pending reminders, treatment-plan closes the plan.
 *
 * @param eventId unique per event
 * @param occurredAt when the discharge was recorded
 * @param clientId the client
 * @param enrollmentId the enrollment that ended
 * @param effectiveDate the day the discharge takes effect, in the track's time zone: no session
 *     from this day on takes place
 * @param reason why the client left, as a code
 */
public record ClientDischarged(
        UUID eventId,
        Instant occurredAt,
        UUID clientId,
        UUID enrollmentId,
        LocalDate effectiveDate,
        DischargeReason reason)
        implements IntegrationEvent {}
