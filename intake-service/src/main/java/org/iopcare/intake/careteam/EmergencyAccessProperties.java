package org.iopcare.intake.careteam;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Emergency ("break-glass") access to a record outside one's caseload.
 *
 * @param emergencyAccessDuration how long a grant opens the record (a setting the services share)
 */
@Validated
@ConfigurationProperties("iopcare.caseload")
public record EmergencyAccessProperties(
        @NotNull @DefaultValue("4h") Duration emergencyAccessDuration) {}
