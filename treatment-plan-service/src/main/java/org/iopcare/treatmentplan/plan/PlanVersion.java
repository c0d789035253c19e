package org.iopcare.treatmentplan.plan;

import java.time.Instant;
import java.util.UUID;

/**
 * One immutable version of a plan.
 *
 * @param planId the plan
 * @param number from 1
 * @param basedOn the version the author edited (number - 1)
 * @param author the token subject of the staff member who wrote it
 * @param createdAt when it was saved
 * @param reason why the plan changed
 * @param content the whole content
 */
public record PlanVersion(
        UUID planId, int number, int basedOn, String author, Instant createdAt, String reason, PlanContent content) {}
