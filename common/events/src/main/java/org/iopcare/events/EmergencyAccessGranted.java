package org.iopcare.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff member opened a client's record outside their caseload in an emergency ("break-glass").
 * Every service lets that staff member see the client's record until {@code expiresAt} and marks
 * each such access in its audit trail with the grant; notification-service alerts the clinical
 * supervisors. The written reason stays in intake's record of the grant.
 *
 * @param eventId unique per event
 * @param occurredAt when access was granted
 * @param clientId the client whose record was opened
 * @param grantId the grant, as intake records it with its reason
 * @param staffId the staff subject who opened the record
 * @param expiresAt when the access ends
 */
public record EmergencyAccessGranted(
        UUID eventId, Instant occurredAt, UUID clientId, UUID grantId, String staffId, Instant expiresAt)
        implements IntegrationEvent {}
