package org.iopcare.intake.careteam;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param reason why the record must be opened now, for the supervisors' review (10–2000 characters) */
public record EmergencyAccessRequest(
        @NotBlank @Size(min = 10, max = 2000) String reason) {}
