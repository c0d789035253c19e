package org.iopcare.intake.careteam;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.EmergencyAccessGranted;
import org.iopcare.support.caseload.CareTeamProjection;
import org.iopcare.support.db.TransactionLocks;
import org.iopcare.support.outbox.Outbox;
import org.iopcare.support.web.ProblemException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care teams and emergency-access grants. Every change publishes the complete team on {@code
 * care-team-changed} and applies it to intake's own caseload projection in the same transaction.
 */
@Service
public class CareTeams {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final CareTeamProjection projection;
    private final Clock clock;
    private final Duration emergencyAccess;

    CareTeams(
            JdbcTemplate jdbc,
            Outbox outbox,
            CareTeamProjection projection,
            Clock clock,
            EmergencyAccessProperties emergencyAccess) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.projection = projection;
        this.clock = clock;
        this.emergencyAccess = emergencyAccess.emergencyAccessDuration();
    }

    /** The client's team; 404 for an id intake does not know. */
    @Transactional(readOnly = true)
    public CareTeamView view(UUID clientId) {
        requireKnown(clientId);
        return read(clientId);
    }

    /** Replaces the team with the request's and publishes it. */
    @Transactional
    public CareTeamView replace(UUID clientId, CareTeamRequest request, String staff) {
        requireKnown(clientId);
        Set<String> seen = new HashSet<>();
        seen.add(request.primaryClinicianId());
        for (CareTeamRequest.Member member : request.members()) {
            if (member.role() == TeamRole.PRIMARY_CLINICIAN) {
                throw ProblemException.unprocessable(
                        "primary-clinician-as-member", "The primary clinician is named by primaryClinicianId only");
            }
            if (!seen.add(member.staffId())) {
                throw ProblemException.unprocessable(
                        "duplicate-team-member", "A staff member appears more than once on the team");
            }
        }
        TransactionLocks.lock(jdbc, "care-team:" + clientId);
        Instant now = now();
        List<CareTeamView.Member> before = read(clientId).members();
        jdbc.update("DELETE FROM care_team WHERE client_id = ?", clientId);
        insert(
                clientId,
                request.primaryClinicianId(),
                TeamRole.PRIMARY_CLINICIAN,
                since(before, request.primaryClinicianId(), TeamRole.PRIMARY_CLINICIAN, now, staff));
        for (CareTeamRequest.Member member : request.members()) {
            insert(
                    clientId,
                    member.staffId(),
                    member.role(),
                    since(before, member.staffId(), member.role(), now, staff));
        }
        publish(clientId, now);
        return read(clientId);
    }

    /**
     * Makes the enrollment's clinician the primary clinician, keeping the other members (a
     * screening clinician, a case manager) and dropping a previous primary clinician.
     */
    @Transactional
    public void enrolled(UUID clientId, String primaryClinicianId, String staff, Instant now) {
        TransactionLocks.lock(jdbc, "care-team:" + clientId);
        jdbc.update(
                "DELETE FROM care_team WHERE client_id = ? AND (team_role = 'PRIMARY_CLINICIAN' OR staff_id = ?)",
                clientId,
                primaryClinicianId);
        insert(clientId, primaryClinicianId, TeamRole.PRIMARY_CLINICIAN, new Since(now, staff));
        publish(clientId, now);
    }

    /**
     * Opens the client's record to a clinician outside their caseload until the grant expires, and
     * publishes the grant (every service honours it; notification alerts the supervisors).
     */
    @Transactional
    public EmergencyAccessView openEmergencyAccess(UUID clientId, String reason, String staff) {
        requireKnown(clientId);
        Boolean onTeam = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM care_team WHERE client_id = ? AND staff_id = ?)",
                Boolean.class,
                clientId,
                staff);
        if (Boolean.TRUE.equals(onTeam)) {
            throw ProblemException.conflict(
                    "already-on-care-team", "The record is already open to you: you are on the client's care team");
        }
        Instant now = now();
        Instant expires = now.plus(emergencyAccess);
        UUID grant = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO emergency_access_grant (id, client_id, staff_id, reason, granted_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, grant, clientId, staff, reason, Timestamp.from(now), Timestamp.from(expires));
        EmergencyAccessGranted event =
                new EmergencyAccessGranted(UUID.randomUUID(), now, clientId, grant, staff, expires);
        projection.record(event);
        outbox.append(event);
        return new EmergencyAccessView(grant, clientId, staff, reason, now, expires);
    }

    /** A page of the grants opened from {@code from} (inclusive) to {@code to} (exclusive), newest first. */
    @Transactional(readOnly = true)
    public List<EmergencyAccessView> grants(Instant from, Instant to, int page, int size) {
        return jdbc.query(
                """
                SELECT id, client_id, staff_id, reason, granted_at, expires_at FROM emergency_access_grant
                WHERE granted_at >= ? AND granted_at < ? ORDER BY granted_at DESC, id LIMIT ? OFFSET ?
                """,
                (rs, i) -> new EmergencyAccessView(
                        rs.getObject("id", UUID.class),
                        rs.getObject("client_id", UUID.class),
                        rs.getString("staff_id"),
                        rs.getString("reason"),
                        rs.getTimestamp("granted_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant()),
                Timestamp.from(from),
                Timestamp.from(to),
                size,
                (long) page * size);
    }

    private void publish(UUID clientId, Instant now) {
        CareTeamView team = read(clientId);
        CareTeamChanged event = new CareTeamChanged(
                UUID.randomUUID(),
                now,
                clientId,
                team.primaryClinicianId(),
                team.members().stream().map(CareTeamView.Member::staffId).toList());
        projection.replace(event);
        outbox.append(event);
    }

    private CareTeamView read(UUID clientId) {
        List<CareTeamView.Member> members = jdbc.query(
                """
                SELECT staff_id, team_role, added_at, added_by FROM care_team WHERE client_id = ?
                ORDER BY team_role = 'PRIMARY_CLINICIAN' DESC, added_at, staff_id
                """,
                (rs, i) -> new CareTeamView.Member(
                        rs.getString("staff_id"),
                        TeamRole.valueOf(rs.getString("team_role")),
                        rs.getTimestamp("added_at").toInstant(),
                        rs.getString("added_by")),
                clientId);
        String primary = members.stream()
                .filter(m -> m.role() == TeamRole.PRIMARY_CLINICIAN)
                .map(CareTeamView.Member::staffId)
                .findFirst()
                .orElse(null);
        return new CareTeamView(clientId, primary, members);
    }

    private void insert(UUID clientId, String staffId, TeamRole role, Since since) {
        jdbc.update(
                "INSERT INTO care_team (client_id, staff_id, team_role, added_at, added_by) VALUES (?, ?, ?, ?, ?)",
                clientId,
                staffId,
                role.name(),
                Timestamp.from(since.at()),
                since.by());
    }

    /** A member who keeps their place and role keeps when and by whom they were added. */
    private static Since since(
            List<CareTeamView.Member> before, String staffId, TeamRole role, Instant now, String staff) {
        return before.stream()
                .filter(m -> m.staffId().equals(staffId) && m.role() == role)
                .findFirst()
                .map(m -> new Since(m.addedAt(), m.addedBy()))
                .orElse(new Since(now, staff));
    }

    private void requireKnown(UUID clientId) {
        Boolean known = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM client WHERE id = ?) OR EXISTS (SELECT 1 FROM inquiry WHERE client_id = ?)",
                Boolean.class,
                clientId,
                clientId);
        if (!Boolean.TRUE.equals(known)) {
            throw ProblemException.notFound("Client");
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private record Since(Instant at, String by) {}
}
