package org.iopcare.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An inquiry moved through intake's pipeline. Lets notification-service stop inquiry follow-ups
 * once the inquiry is closed, referred out or enrolled. The staff notes that may go with the change
 * stay in intake.
 *
 * @param eventId unique per event
 * @param occurredAt when the status changed
 * @param clientId the inquirer's person id, as in {@code inquiry-received}
 * @param inquiryId the inquiry
 * @param from the status before the change
 * @param to the status after the change
 */
public record InquiryStatusChanged(
        UUID eventId, Instant occurredAt, UUID clientId, UUID inquiryId, InquiryStatus from, InquiryStatus to)
        implements IntegrationEvent {}
