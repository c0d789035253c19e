package org.iopcare.notification.work;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.iopcare.notification.message.DeliveryStatus;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.work.NewWorkItem;
import org.iopcare.support.work.Owner;
import org.iopcare.support.work.Priority;
import org.iopcare.support.work.WorkItems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A message to a client that did not arrive: the client's contact details need checking. Called
 * in the transaction that records a message's new state (dispatcher, provider report,
 * reconciliation):
 * <ul>
 *   <li>{@code FAILED} or {@code UNDELIVERABLE}, or {@code UNKNOWN} that reconciliation could not
 *       settle (an SMS several provider messages match; an email, which has no lookup) →
 *       {@link #KIND}, NORMAL, the intake coordinators' queue, one per message
 *       ({@code undelivered-message:<id>});
 *   <li>{@code SENT} or {@code DELIVERED} → every open item of an earlier message to the same
 *       client on the same channel closes ({@code DELIVERED_LATER}).
 * </ul>
 * Staff messages raise nothing (the staff directory holds their contact, not the client record).
 */
@Service
public class DeliveryProblemItems {

    public static final String KIND = "MESSAGE_NOT_DELIVERED";

    private final WorkItems workItems;
    private final WorkItemDueProperties due;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DeliveryProblemItems(WorkItems workItems, WorkItemDueProperties due, JdbcTemplate jdbc, Clock clock) {
        this.workItems = workItems;
        this.due = due;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The message (already updated in this transaction) is now {@code status}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void statusChanged(UUID messageId, DeliveryStatus status) {
        switch (status) {
            case FAILED, UNDELIVERABLE -> raise(messageId, status.name());
            case SENT, DELIVERED -> deliveredLater(List.of(messageId));
            default -> {}
        }
    }

    /** {@link #statusChanged} with {@code SENT} for many messages at once (the dispatcher's answers). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sent(Collection<UUID> messageIds) {
        if (!messageIds.isEmpty()) {
            deliveredLater(messageIds);
        }
    }

    /** Reconciliation gave up on the UNKNOWN message: staff have to find out. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void staysUnknown(UUID messageId) {
        raise(messageId, "UNKNOWN");
    }

    private void raise(UUID messageId, String status) {
        List<UUID> client = jdbc.queryForList(
                "SELECT client_id FROM message WHERE id = ? AND audience = 'CLIENT'", UUID.class, messageId);
        if (client.isEmpty()) {
            return;
        }
        workItems.raise(new NewWorkItem(
                client.get(0),
                KIND,
                Priority.NORMAL,
                "MESSAGE_" + status,
                Owner.queue(StaffRole.INTAKE_COORDINATOR),
                Instant.now(clock).plus(due.normal()),
                key(messageId)));
    }

    private void deliveredLater(Collection<UUID> messageIds) {
        List<String> keys = jdbc.queryForList("""
                SELECT DISTINCT w.source_key FROM message later
                JOIN message earlier ON earlier.client_id = later.client_id AND earlier.channel = later.channel
                    AND earlier.audience = 'CLIENT' AND earlier.created_at < later.created_at
                JOIN work_item w ON w.source_key = 'undelivered-message:' || earlier.id
                WHERE later.id = ANY (?) AND later.audience = 'CLIENT' AND w.state IN ('OPEN', 'ACKNOWLEDGED')
                """, String.class, (Object) messageIds.toArray(UUID[]::new));
        for (String key : keys) {
            workItems.resolve(key, "DELIVERED_LATER");
        }
    }

    static String key(UUID messageId) {
        return "undelivered-message:" + messageId;
    }
}
