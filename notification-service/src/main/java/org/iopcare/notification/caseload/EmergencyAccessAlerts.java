package org.iopcare.notification.caseload;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.iopcare.events.EmergencyAccessGranted;
import org.iopcare.notification.message.ClientMessages;
import org.iopcare.notification.message.MessageKind;
import org.iopcare.support.caseload.CareTeamProjection;
import org.iopcare.support.messaging.ProcessedEvents;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.staff.StaffDirectory;
import org.iopcare.support.staff.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code emergency-access-granted}: records the grant in the caseload projection and, in the same
 * transaction, emails every clinical supervisor in the staff directory who has an address: who
 * opened which client's record (the opaque id) until when, to be reviewed in the audit trail. The
 * reason stays in intake and no client data is named. Without a supervisor the alert goes to the
 * care-team address. Once per event: a redelivery finds its claim and queues nothing.
 */
@Service
public class EmergencyAccessAlerts {

    private static final Logger log = LoggerFactory.getLogger(EmergencyAccessAlerts.class);
    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String CONSUMER = "notification-service:emergency-access-alert";

    private final CareTeamProjection projection;
    private final ProcessedEvents processed;
    private final StaffDirectory staff;
    private final ClientMessages messages;

    EmergencyAccessAlerts(
            CareTeamProjection projection, ProcessedEvents processed, StaffDirectory staff, ClientMessages messages) {
        this.projection = projection;
        this.processed = processed;
        this.staff = staff;
        this.messages = messages;
    }

    @Transactional
    public void on(EmergencyAccessGranted event) {
        projection.grant(event);
        if (!processed.claim(CONSUMER, event.eventId())) {
            return;
        }
        String opener = staff.find(event.staffId()).map(StaffMember::nameOrId).orElse(event.staffId());
        Map<String, Object> values = Map.of(
                "staffName", opener,
                "clientId", event.clientId().toString(),
                "expiresAt", EXPIRY.format(event.expiresAt()));
        if (messages.toStaffMembers(
                        staff.withRole(StaffRole.CLINICAL_SUPERVISOR),
                        event.clientId(),
                        MessageKind.EMERGENCY_ACCESS_ALERT,
                        values,
                        event.eventId())
                == 0) {
            log.warn(
                    "No clinical supervisor with an email address in the staff directory: the emergency access"
                            + " alert of event {} goes to the care-team address",
                    event.eventId());
            messages.toStaffMember(
                    "care-team",
                    event.clientId(),
                    MessageKind.EMERGENCY_ACCESS_ALERT,
                    messages.careTeamAddress(),
                    values,
                    event.eventId());
        }
    }
}
