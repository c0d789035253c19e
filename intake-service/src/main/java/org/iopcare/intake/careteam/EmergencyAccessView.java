package org.iopcare.intake.careteam;

import java.time.Instant;
import java.util.UUID;

/**
 * An emergency-access grant: the record is open to {@code staffId} until {@code expiresAt}, for the
 * written {@code reason}.
 */
public record EmergencyAccessView(
        UUID grantId, UUID clientId, String staffId, String reason, Instant grantedAt, Instant expiresAt) {}
