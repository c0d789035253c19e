package org.iopcare.support.caseload;

import java.sql.Timestamp;
import java.util.LinkedHashSet;
import java.util.Set;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.EmergencyAccessGranted;
import org.iopcare.support.messaging.ProcessedEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service's projection of care teams and emergency-access grants. Other services apply the events
 * from their consumers; intake applies its own changes in the transaction that makes them, so a
 * clinician it has just put on a team can read the client at once.
 */
public class CareTeamProjection {

    private final JdbcTemplate jdbc;
    private final ProcessedEvents processed;
    private final String consumer;

    public CareTeamProjection(JdbcTemplate jdbc, ProcessedEvents processed, String applicationName) {
        this.jdbc = jdbc;
        this.processed = processed;
        this.consumer = applicationName;
    }

    /** Replaces the client's team with the event's, once per event. */
    @Transactional
    public void apply(CareTeamChanged event) {
        if (!processed.claim(consumer + ":care-team-changed", event.eventId())) {
            return;
        }
        replace(event);
    }

    /** The team as the event says, without claiming it: for the producer's own transaction. */
    @Transactional
    public void replace(CareTeamChanged event) {
        jdbc.update("DELETE FROM care_team_member WHERE client_id = ?", event.clientId());
        Set<String> members = new LinkedHashSet<>(event.memberIds());
        members.add(event.primaryClinicianId());
        jdbc.batchUpdate(
                "INSERT INTO care_team_member (client_id, staff_id, primary_clinician) VALUES (?, ?, ?)",
                members.stream()
                        .map(staff -> new Object[] {event.clientId(), staff, staff.equals(event.primaryClinicianId())})
                        .toList());
    }

    /** Records the grant, once per event. */
    @Transactional
    public void grant(EmergencyAccessGranted event) {
        if (!processed.claim(consumer + ":emergency-access-granted", event.eventId())) {
            return;
        }
        record(event);
    }

    /** The grant as the event says, without claiming it: for the producer's own transaction. */
    @Transactional
    public void record(EmergencyAccessGranted event) {
        jdbc.update(
                """
                INSERT INTO emergency_access (grant_id, client_id, staff_id, granted_at, expires_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (grant_id) DO NOTHING
                """,
                event.grantId(),
                event.clientId(),
                event.staffId(),
                Timestamp.from(event.occurredAt()),
                Timestamp.from(event.expiresAt()));
    }
}
