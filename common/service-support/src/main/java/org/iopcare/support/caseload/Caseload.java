package org.iopcare.support.caseload;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iopcare.support.audit.AuditedClients;
import org.iopcare.support.audit.AuditedClients.AccessBasis;
import org.iopcare.support.security.StaffCaller;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The caseload rules of the access matrix ({@code docs/architecture.md}, "Who sees what"). An
 * endpoint's {@code @PreAuthorize} says which roles may call it at all (403 otherwise); a {@link
 * Rule} then says which of those roles see every client for that resource. Everyone else, a
 * clinician, sees a client only while on the client's care team or holding an unexpired emergency
 * grant; any other client is answered 404, as if it did not exist. Every client a request is
 * allowed to see is named in the request's audit record, with the basis, before data is returned.
 */
public class Caseload {

    private final JdbcTemplate jdbc;
    private final AuditedClients audit;
    private final Clock clock;

    public Caseload(JdbcTemplate jdbc, AuditedClients audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The roles that see every client for a resource. */
    public static Rule clinicWide(StaffRole... roles) {
        return new Rule(
                roles.length == 0 ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(Arrays.asList(roles)), false);
    }

    /**
     * Lets the caller see this client's data under the rule, or answers 404 naming only {@code
     * what}; records the client in the audit record with the basis.
     */
    public void require(UUID clientId, Rule rule, String what) {
        StaffCaller caller = StaffCaller.current();
        if (rule.coversAll(caller)) {
            audit.disclosed(List.of(clientId), AccessBasis.ROLE);
            return;
        }
        if (onTeam(caller.subject(), clientId)) {
            audit.disclosed(List.of(clientId), AccessBasis.CARE_TEAM);
            return;
        }
        Optional<UUID> grant = emergencyGrant(caller.subject(), clientId);
        if (grant.isPresent()) {
            audit.disclosedInEmergency(clientId, grant.get());
            return;
        }
        if (rule.unassignedClients() && caller.has(StaffRole.CLINICIAN) && !hasTeam(clientId)) {
            audit.disclosed(List.of(clientId), AccessBasis.ROLE);
            return;
        }
        throw ProblemException.notFound(what);
    }

    /** Whether the caller may see this client under the rule; records nothing. */
    public boolean permits(UUID clientId, Rule rule) {
        StaffCaller caller = StaffCaller.current();
        return rule.coversAll(caller)
                || onTeam(caller.subject(), clientId)
                || emergencyGrant(caller.subject(), clientId).isPresent()
                || (rule.unassignedClients() && caller.has(StaffRole.CLINICIAN) && !hasTeam(clientId));
    }

    /** Which clients the caller sees under the rule, for filtering a list in its query. */
    public Visibility visibility(Rule rule) {
        StaffCaller caller = StaffCaller.current();
        if (rule.coversAll(caller)) {
            return Visibility.ALL;
        }
        Set<UUID> clients = new HashSet<>(jdbc.queryForList(
                """
                SELECT client_id FROM care_team_member WHERE staff_id = ?
                UNION SELECT client_id FROM emergency_access WHERE staff_id = ? AND expires_at > ?
                """, UUID.class, caller.subject(), caller.subject(), Timestamp.from(clock.instant())));
        return new Visibility(false, Set.copyOf(clients), rule.unassignedClients() && caller.has(StaffRole.CLINICIAN));
    }

    /**
     * Records the clients of a list the caller is about to receive, each with its basis, and
     * returns the list unchanged. The list must already be filtered by {@link #visibility}.
     */
    public <T> List<T> disclose(List<T> items, Function<T, UUID> clientOf, Rule rule) {
        Set<UUID> clients = items.stream().map(clientOf).collect(Collectors.toCollection(HashSet::new));
        if (clients.isEmpty()) {
            return items;
        }
        StaffCaller caller = StaffCaller.current();
        if (rule.coversAll(caller)) {
            audit.disclosed(clients, AccessBasis.ROLE);
            return items;
        }
        Set<UUID> team = new HashSet<>(jdbc.queryForList(
                "SELECT client_id FROM care_team_member WHERE staff_id = ? AND client_id = ANY(?)",
                UUID.class,
                caller.subject(),
                clients.toArray(UUID[]::new)));
        audit.disclosed(team, AccessBasis.CARE_TEAM);
        // the rest is open by an emergency grant or by the rule itself (e.g. inquirers without a team)
        List<UUID> byRule = new ArrayList<>();
        for (UUID client : clients) {
            if (!team.contains(client)) {
                Optional<UUID> grant = emergencyGrant(caller.subject(), client);
                if (grant.isPresent()) {
                    audit.disclosedInEmergency(client, grant.get());
                } else {
                    byRule.add(client);
                }
            }
        }
        audit.disclosed(byRule, AccessBasis.ROLE);
        return items;
    }

    /** The staff on the client's care team, primary clinician first. */
    public List<String> team(UUID clientId) {
        return jdbc.queryForList(
                "SELECT staff_id FROM care_team_member WHERE client_id = ? ORDER BY primary_clinician DESC, staff_id",
                String.class,
                clientId);
    }

    private boolean onTeam(String staff, UUID clientId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM care_team_member WHERE client_id = ? AND staff_id = ?)",
                Boolean.class,
                clientId,
                staff));
    }

    private boolean hasTeam(UUID clientId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM care_team_member WHERE client_id = ?)", Boolean.class, clientId));
    }

    private Optional<UUID> emergencyGrant(String staff, UUID clientId) {
        return jdbc.queryForList("""
                        SELECT grant_id FROM emergency_access
                        WHERE client_id = ? AND staff_id = ? AND expires_at > ?
                        ORDER BY expires_at DESC LIMIT 1
                        """, UUID.class, clientId, staff, Timestamp.from(clock.instant())).stream()
                .findFirst();
    }

    /**
     * Which of an endpoint's roles see every client. {@code unassignedClients}: a clinician also
     * sees a client who has no care team yet (an inquirer before enrollment, whom a clinician
     * screens).
     */
    public record Rule(Set<StaffRole> clinicWide, boolean unassignedClients) {

        public Rule {
            clinicWide = Set.copyOf(clinicWide);
        }

        /** The same rule, letting clinicians also see clients without a care team. */
        public Rule withUnassignedClients() {
            return new Rule(clinicWide, true);
        }

        boolean coversAll(StaffCaller caller) {
            return clinicWide.stream().anyMatch(caller::has);
        }
    }

    /** The clients a caller sees: all, or those listed (and, if so, those without a team). */
    public record Visibility(boolean all, Set<UUID> clients, boolean unassignedClients) {

        static final Visibility ALL = new Visibility(true, Set.of(), false);

        /** The listed clients as an array, for {@code client_id = ANY(?)}. */
        public UUID[] clientArray() {
            return clients.toArray(UUID[]::new);
        }

        /** Whether a client is visible, given whether it has a care team. */
        public boolean includes(UUID clientId) {
            return all || clients.contains(clientId);
        }
    }
}
