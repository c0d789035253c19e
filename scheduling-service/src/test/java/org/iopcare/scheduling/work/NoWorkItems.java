package org.iopcare.scheduling.work;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.SessionKind;

/** For unit tests without a database: raises and closes nothing. */
public class NoWorkItems extends SchedulingWorkItems {

    public NoWorkItems() {
        super(null, null, null, null);
    }

    @Override
    public void bookingNeeded(UUID needId, UUID clientId, SessionKind kind, ZoneId zone) {}

    @Override
    public void bookingNeedsResolved(List<UUID> needIds, String outcome) {}

    @Override
    public void waitlistChanged(UUID clientId, Long previousSeq, Long currentSeq, String outcome) {}

    @Override
    public void belowMinimum(UUID clientId, LocalDate weekStart, ZoneId zone) {}

    @Override
    public void minimumReached(UUID clientId, LocalDate weekStart) {}

    @Override
    public void discharged(UUID clientId) {}
}
