package org.iopcare.notification.projection;

import java.util.UUID;
import org.iopcare.support.db.TransactionLocks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Serialises the projection's handlers for one client. A client's events arrive on several topics,
 * handled by several consumer threads; without this lock an enrollment and the client's first
 * session, handled at the same moment, could each commit without seeing the other, and neither
 * would plan the welcome. The lock is transaction-scoped: it is released at commit or rollback.
 */
@Component
class ClientLock {

    private final JdbcTemplate jdbc;

    ClientLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Call inside the handler's transaction, before reading the client's rows. */
    void lock(UUID clientId) {
        TransactionLocks.lock(jdbc, "notification-client:" + clientId);
    }
}
