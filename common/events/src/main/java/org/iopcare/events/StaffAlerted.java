package org.iopcare.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff member, or everyone holding a staff role, must be alerted: an urgent work item was not
 * acknowledged in time and now needs them. Every service escalates the work items it owns, so every
 * service publishes this one record on one topic, each under its own type (the {@code producer}
 * component picks it); notification-service delivers the fixed text "An urgent item needs you in IOP
 * Care" to the recipient's staff contact. The payload names no condition and no reason: whoever is
 * alerted opens the item in the service that raised it.
 *
 * @param eventId unique per event
 * @param occurredAt when the item escalated
 * @param clientId the client the work item is about (the record key; never put in the alert's text)
 * @param producer the service that owns the item and publishes the alert: intake, scheduling,
 *     treatment-plan or notification
 * @param workItemId the work item, as the producing service serves it under /api/work-items
 * @param escalationStep 1 for the first escalation, 2 for the second, and so on
 * @param recipientStaffId the staff subject to alert, when the item went to one person
 * @param recipientRole the staff role whose members are alerted, when the item went to a role queue
 */
public record StaffAlerted(
        UUID eventId,
        Instant occurredAt,
        UUID clientId,
        String producer,
        UUID workItemId,
        int escalationStep,
        @Nullable String recipientStaffId,
        @Nullable String recipientRole)
        implements IntegrationEvent {

    /** The text every staff alert carries: no client, no condition. */
    public static final String TEXT = "An urgent item needs you in IOP Care";

    public StaffAlerted {
        if (!EventType.STAFF_ALERT_PRODUCERS.contains(producer)) {
            throw new IllegalArgumentException("Unknown producer of a staff alert: " + producer);
        }
    }
}
