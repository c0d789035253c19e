package org.iopcare.treatmentplan.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iopcare.treatmentplan.plan.Instrument;

/**
 * A scored administration, as clinicians see it.
 *
 * @param selfHarmItemPositive PHQ-9 item 9 above 0 (the plan was flagged for urgent review)
 */
public record Assessment(
        UUID id,
        UUID planId,
        Instrument instrument,
        List<Integer> answers,
        int total,
        Band band,
        boolean selfHarmItemPositive,
        Instant administeredAt,
        String recordedBy) {}
