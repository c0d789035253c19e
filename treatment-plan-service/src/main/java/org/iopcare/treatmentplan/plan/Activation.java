package org.iopcare.treatmentplan.plan;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Activating a plan version with the client's acknowledgement.
 *
 * @param version the version to activate; must be the plan's current version
 * @param acknowledgedAt when the client acknowledged the plan; not in the future
 * @param acknowledgementMethod how the client acknowledged it
 */
public record Activation(
        @NotNull @Min(1) Integer version,
        @NotNull Instant acknowledgedAt,
        @NotNull AcknowledgementMethod acknowledgementMethod) {

    /** How a client acknowledged their plan. */
    public enum AcknowledgementMethod {
        SIGNED_IN_PERSON,
        SIGNED_ELECTRONICALLY,
        VERBAL_IN_SESSION,
        VERBAL_BY_TELEHEALTH
    }
}
