package org.iopcare.support.work;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A work item as staff see it. {@code history} is given for one item ({@code GET
 * /api/work-items/{id}} and the transitions), null in lists.
 */
public record WorkItemView(
        UUID id,
        UUID clientId,
        String kind,
        Priority priority,
        String reasonCode,
        String ownerStaffId,
        String ownerQueue,
        Instant dueAt,
        WorkItemState state,
        String outcomeCode,
        String outcomeNote,
        int escalationStep,
        Instant nextEscalationAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<Change> history) {

    WorkItemView withHistory(List<Change> changes) {
        return new WorkItemView(
                id,
                clientId,
                kind,
                priority,
                reasonCode,
                ownerStaffId,
                ownerQueue,
                dueAt,
                state,
                outcomeCode,
                outcomeNote,
                escalationStep,
                nextEscalationAt,
                createdAt,
                updatedAt,
                version,
                changes);
    }

    /** One entry of an item's history: who did what, when. {@code actor} is a staff subject or {@code system}. */
    public record Change(
            Instant at,
            String actor,
            String action,
            WorkItemState fromState,
            WorkItemState toState,
            String fromOwner,
            String toOwner,
            String note) {}
}
