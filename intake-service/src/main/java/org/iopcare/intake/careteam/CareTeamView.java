package org.iopcare.intake.careteam;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A client's care team as staff see it: who, in what role, since when and added by whom. */
public record CareTeamView(UUID clientId, String primaryClinicianId, List<Member> members) {

    public record Member(String staffId, TeamRole role, Instant addedAt, String addedBy) {}
}
