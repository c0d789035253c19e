package org.iopcare.notification.recipient;

import java.util.UUID;
import org.iopcare.support.db.TransactionLocks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Serialises the handlers that write one client's rows. A client's events arrive on several topics,
 * handled by several consumer threads; without this lock an enrollment and the client's first
 * session, handled at the same moment, could each commit without seeing the other, and neither
 * would plan the welcome; and an inquiry's recipient, saved just as the enrollment commits, would
 * overwrite the enrolled recipient. The lock is transaction-scoped: it is released at commit or
 * rollback.
 */
@Component
public class ClientLock {

    private final JdbcTemplate jdbc;

    public ClientLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Call inside the handler's transaction, before reading the client's rows. */
    public void lock(UUID clientId) {
        TransactionLocks.lock(jdbc, "notification-client:" + clientId);
    }
}
