package org.iopcare.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A client's care team is now these staff members. Published by intake at enrollment and on every
 * change (a member added or removed, the primary clinician reassigned); it carries the complete
 * current team, not a difference, so each service replaces its own projection of who may see the
 * client's record. Staff are token subjects; their roles on the team (facilitator, case manager, …)
 * stay in intake, since no other service decides anything by them.
 *
 * @param eventId unique per event
 * @param occurredAt when the team changed
 * @param clientId the client
 * @param primaryClinicianId the staff subject of the primary clinician
 * @param memberIds the staff subjects of everyone on the team, the primary clinician included
 */
public record CareTeamChanged(
        UUID eventId, Instant occurredAt, UUID clientId, String primaryClinicianId, List<String> memberIds)
        implements IntegrationEvent {

    public CareTeamChanged {
        memberIds = List.copyOf(Objects.requireNonNull(memberIds, "memberIds"));
    }
}
