package org.iopcare.support.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.iopcare.support.audit.AuditedClients.AccessBasis;

/**
 * Appends entries to {@code audit_log}, each on a connection of its own in autocommit mode: an
 * entry never joins the caller's business transaction. The chain trigger holds an advisory lock
 * until the inserting transaction ends; inside a business transaction that lock would be held for
 * the whole request and serialize every request of the service, and a rollback of the business
 * work would take the audit entry with it.
 */
final class AuditWriter {

    private final DataSource dataSource;

    AuditWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What an ACCESS entry records, every value already bounded by {@link AuditValues}. */
    record Access(
            String actor,
            String roles,
            String action,
            String method,
            String pathPattern,
            String pathIds,
            String remoteAddr,
            String requestId) {}

    /** Appends the ACCESS entry of a request and answers its id. */
    long access(Access access) throws SQLException {
        try (Connection c = connection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO audit_log (kind, actor, roles, action, http_method, path_pattern, path_ids,
                                               remote_addr, request_id)
                        VALUES ('ACCESS', ?, ?, ?, ?, ?, ?, ?, ?)
                        RETURNING id
                        """)) {
            insert.setString(1, access.actor());
            insert.setString(2, access.roles());
            insert.setString(3, access.action());
            insert.setString(4, access.method());
            insert.setString(5, access.pathPattern());
            insert.setString(6, access.pathIds());
            insert.setString(7, access.remoteAddr());
            insert.setString(8, access.requestId());
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    /** Appends the outcome (response status) of the request recorded as {@code recordId}. */
    void outcome(long recordId, int status) throws SQLException {
        try (Connection c = connection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO audit_log (kind, record_id, status) VALUES ('OUTCOME', ?, ?)")) {
            insert.setLong(1, recordId);
            insert.setInt(2, status);
            insert.executeUpdate();
        }
    }

    /** Appends one CLIENTS entry (at most 200 ids) to the request recorded as {@code recordId}. */
    void clients(long recordId, List<UUID> clientIds, AccessBasis basis, UUID grantId) throws SQLException {
        try (Connection c = connection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO audit_log (kind, record_id, client_ids, access_basis, grant_id)
                        VALUES ('CLIENTS', ?, ?, ?, ?)
                        """)) {
            insert.setLong(1, recordId);
            insert.setArray(2, c.createArrayOf("uuid", clientIds.toArray()));
            insert.setString(3, basis.name());
            insert.setObject(4, grantId);
            insert.executeUpdate();
        }
    }

    /**
     * Straight from the pool, not through Spring's transaction synchronization: a connection bound
     * to a surrounding transaction is never reused here.
     */
    private Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }
}
