package org.iopcare.treatmentplan.reaction;

import org.iopcare.events.AttendanceBelowMinimum;
import org.iopcare.support.messaging.ProcessedEvents;
import org.iopcare.treatmentplan.plan.FlagReason;
import org.iopcare.treatmentplan.plan.PlanFlags;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Flags the plan when scheduling reports attendance below the weekly minimum. */
@Service
public class LowAttendance {

    static final String CONSUMER = "treatment-plan-service:attendance-below-minimum";

    private final ProcessedEvents processed;
    private final PlanFlags flags;

    LowAttendance(ProcessedEvents processed, PlanFlags flags) {
        this.processed = processed;
        this.flags = flags;
    }

    @Transactional
    public void on(AttendanceBelowMinimum event) {
        if (processed.claim(CONSUMER, event.eventId())) {
            flags.raise(event.clientId(), FlagReason.ATTENDANCE_BELOW_MINIMUM, false);
        }
    }
}
