package org.iopcare.support.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the service's audit trail for review, one entry per request ({@code audit_entry}), newest
 * first. Filtered by client, it is this service's accounting of disclosures: the requests that
 * named the client in their path and those whose handler reported the client as disclosed.
 */
public class AuditReview {

    private static final String COLUMNS = """
            id, occurred_at, actor, roles, action, http_method, path_pattern, path_ids, client_ids,
            access_basis, grant_id, status, remote_addr, request_id
            """;

    private final JdbcTemplate jdbc;
    private final String serviceName;

    public AuditReview(JdbcTemplate jdbc, String serviceName) {
        this.jdbc = jdbc;
        this.serviceName = serviceName;
    }

    /**
     * What to look for; every part is optional.
     *
     * @param clientId the client whose disclosures are listed
     * @param actor the staff member, as their token names them
     * @param from earliest time, inclusive
     * @param to latest time, exclusive
     */
    public record Filter(UUID clientId, String actor, Instant from, Instant to) {}

    /**
     * One request as the trail recorded it.
     *
     * @param id the ACCESS entry's id
     * @param occurredAt when the request was recorded, before it was carried out
     * @param actor the staff member (the token's subject; a hash when it was not plain and short)
     * @param roles the token's roles
     * @param action READ, CREATE, UPDATE or DELETE
     * @param method the HTTP method
     * @param pathPattern the endpoint, as a pattern ({@code /api/clients/{id}})
     * @param pathIds the ids in the path ({@code id=…}, comma-separated)
     * @param clientIds the clients the handler reported as disclosed
     * @param accessBasis why the caller could see them (CARE_TEAM, ROLE, EMERGENCY; comma-separated)
     * @param grantId the emergency-access grant, when the basis was an emergency
     * @param status the response status; null for a request that never completed
     * @param remoteAddress where the request came from
     * @param requestId the caller's X-Request-Id
     * @param service the service that served the request
     */
    public record Entry(
            long id,
            Instant occurredAt,
            String actor,
            List<String> roles,
            String action,
            String method,
            String pathPattern,
            String pathIds,
            List<UUID> clientIds,
            String accessBasis,
            UUID grantId,
            Integer status,
            String remoteAddress,
            String requestId,
            String service) {}

    public Page<Entry> entries(Filter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (filter.clientId() != null) {
            conditions.add("""
                    (id IN (SELECT record_id FROM audit_log
                             WHERE kind = 'CLIENTS' AND client_ids @> ARRAY[?::uuid])
                     OR strpos(path_ids, ?) > 0)
                    """);
            args.add(filter.clientId());
            args.add("=" + filter.clientId());
        }
        if (filter.actor() != null) {
            // matched as it was stored: a subject that was not plain and short is kept as its hash
            conditions.add("actor = ?");
            args.add(AuditValues.printable(filter.actor(), AuditValues.ACTOR_MAX));
        }
        if (filter.from() != null) {
            conditions.add("occurred_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.queryForObject("SELECT count(*) FROM audit_entry" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.getPageSize());
        pageArgs.add(page.getOffset());
        List<Entry> entries = jdbc.query(
                "SELECT " + COLUMNS + " FROM audit_entry" + where
                        + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?",
                (rs, n) -> entry(rs),
                pageArgs.toArray());
        return new PageImpl<>(entries, page, total);
    }

    private Entry entry(ResultSet rs) throws SQLException {
        String roles = rs.getString("roles");
        return new Entry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                roles == null || roles.isEmpty() ? List.of() : List.of(roles.split(",")),
                rs.getString("action"),
                rs.getString("http_method"),
                rs.getString("path_pattern"),
                rs.getString("path_ids"),
                uuids(rs.getArray("client_ids")),
                rs.getString("access_basis"),
                rs.getObject("grant_id", UUID.class),
                rs.getObject("status", Integer.class),
                rs.getString("remote_addr"),
                rs.getString("request_id"),
                serviceName);
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).toList();
    }
}
