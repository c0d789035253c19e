package org.iopcare.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A screening decided a level of care. Published again, with the same screening id, when a
 * clinician overrides the decision; consumers keep the latest per screening. Carries codes only:
 * the item answers, scores and the override's written reason never leave intake.
 *
 * @param eventId unique per event
 * @param occurredAt when the screening was recorded, or the override made
 * @param clientId the person screened, as in {@code inquiry-received}
 * @param screeningId the screening
 * @param inquiryId the inquiry the screening belongs to
 * @param recommendedLevel what the clinic's rules table recommends
 * @param decidedLevel the level of care decided: the recommendation unless a clinician overrode it
 * @param reasonCodes the rules that produced the recommendation, e.g. {@code WITHDRAWAL_RISK_HIGH},
 *     {@code STEP_DOWN_FROM_PHP}; codes from intake's rules table, never free text; may be empty
 * @param urgent the care team must act now (e.g. a safety answer that needs follow-up), whatever
 *     the level of care; the answer itself is not carried
 */
public record ScreeningCompleted(
        UUID eventId,
        Instant occurredAt,
        UUID clientId,
        UUID screeningId,
        UUID inquiryId,
        LevelOfCare recommendedLevel,
        LevelOfCare decidedLevel,
        List<String> reasonCodes,
        boolean urgent)
        implements IntegrationEvent {

    public ScreeningCompleted {
        reasonCodes = List.copyOf(Objects.requireNonNull(reasonCodes, "reasonCodes"));
    }
}
