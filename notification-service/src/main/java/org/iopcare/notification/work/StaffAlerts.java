package org.iopcare.notification.work;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iopcare.events.StaffAlerted;
import org.iopcare.notification.message.ClientMessages;
import org.iopcare.notification.message.MessageKind;
import org.iopcare.support.messaging.ProcessedEvents;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.staff.StaffDirectory;
import org.iopcare.support.staff.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code staff-alerted} (any service's escalation step): the fixed {@link StaffAlerted#TEXT} by
 * email to each recipient the staff directory knows an address for and by SMS to each it knows a
 * phone for: the named staff member, or every holder of the named role. No client, no condition, no reason code; queued
 * due now (staff alerts ignore the client send window). Once per event and recipient: the event is
 * claimed, and each message's idempotency key carries the event, the recipient and the channel.
 * Nobody reachable: the care-team address, with a warning naming the event id only.
 */
@Service
public class StaffAlerts {

    private static final Logger log = LoggerFactory.getLogger(StaffAlerts.class);
    private static final String CONSUMER = "notification-service:staff-alerted";

    private final ProcessedEvents processed;
    private final StaffDirectory staff;
    private final ClientMessages messages;

    StaffAlerts(ProcessedEvents processed, StaffDirectory staff, ClientMessages messages) {
        this.processed = processed;
        this.staff = staff;
        this.messages = messages;
    }

    @Transactional
    public void on(StaffAlerted event) {
        if (!processed.claim(CONSUMER, event.eventId())) {
            return;
        }
        Map<String, Object> values = Map.of("alertText", StaffAlerted.TEXT);
        if (messages.toStaffMembers(
                        recipients(event), event.clientId(), MessageKind.STAFF_ALERT, values, event.eventId())
                == 0) {
            log.warn(
                    "No recipient of staff alert {} has an email address or phone in the staff directory: it goes to the"
                            + " care-team address",
                    event.eventId());
            messages.toStaffMember(
                    "care-team",
                    event.clientId(),
                    MessageKind.STAFF_ALERT,
                    messages.careTeamAddress(),
                    values,
                    event.eventId());
        }
    }

    private List<StaffMember> recipients(StaffAlerted event) {
        if (event.recipientStaffId() != null) {
            return staff.find(event.recipientStaffId()).stream().toList();
        }
        return role(event.recipientRole()).map(staff::withRole).orElse(List.of());
    }

    private static Optional<StaffRole> role(String name) {
        try {
            return Optional.ofNullable(name).map(StaffRole::valueOf);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
