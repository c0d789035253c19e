package org.iopcare.notification.work;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iopcare.support.caseload.Caseload;
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
 * Work items from a known client's SMS replies, raised in the webhook's transaction with the inbox
 * row (so once per provider message: a replayed webhook finds its inbox row and raises nothing):
 * <ul>
 *   <li>{@code 2} → {@link #RESCHEDULE_REQUEST}, HIGH, the schedulers' queue; it closes itself
 *       ({@code RESCHEDULED}) when scheduling publishes a session change for the client
 *       ({@code session-scheduled} or {@code session-cancelled}) after the request;
 *   <li>a free-text reply (no keyword, no crisis language: those raise their own item) →
 *       {@link #CLIENT_REPLY}, NORMAL, the client's primary clinician (the clinicians' queue
 *       without one), closed by staff.
 * </ul>
 * Source keys name the inbox item; reason codes only, never the reply's text.
 */
@Service
public class ReplyWorkItems {

    public static final String RESCHEDULE_REQUEST = "RESCHEDULE_REQUEST";
    public static final String CLIENT_REPLY = "CLIENT_REPLY";

    private final WorkItems workItems;
    private final WorkItemDueProperties due;
    private final Caseload caseload;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReplyWorkItems(WorkItems workItems, WorkItemDueProperties due, Caseload caseload, JdbcTemplate jdbc, Clock clock) {
        this.workItems = workItems;
        this.due = due;
        this.caseload = caseload;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void rescheduleRequested(UUID clientId, UUID inboxItemId) {
        workItems.raise(new NewWorkItem(
                clientId,
                RESCHEDULE_REQUEST,
                Priority.HIGH,
                RESCHEDULE_REQUEST,
                Owner.queue(StaffRole.SCHEDULER),
                Instant.now(clock).plus(due.high()),
                "reschedule-request:" + inboxItemId));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void freeTextReply(UUID clientId, UUID inboxItemId) {
        List<String> team = caseload.team(clientId);
        Owner owner = team.isEmpty() ? Owner.queue(StaffRole.CLINICIAN) : Owner.staff(team.get(0));
        workItems.raise(new NewWorkItem(
                clientId,
                CLIENT_REPLY,
                Priority.NORMAL,
                "FREE_TEXT_REPLY",
                owner,
                Instant.now(clock).plus(due.normal()),
                "client-reply:" + inboxItemId));
    }

    /**
     * Scheduling changed one of the client's sessions at {@code occurredAt}: every reschedule
     * request the client made before that is answered. Returns how many items closed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int sessionChanged(UUID clientId, Instant occurredAt) {
        List<String> answered = jdbc.queryForList(
                "SELECT source_key FROM work_item WHERE client_id = ? AND kind = ? AND created_at <= ?"
                        + " AND state IN ('OPEN', 'ACKNOWLEDGED')",
                String.class,
                clientId,
                RESCHEDULE_REQUEST,
                java.sql.Timestamp.from(occurredAt));
        int closed = 0;
        for (String key : answered) {
            if (workItems.resolve(key, "RESCHEDULED")) {
                closed++;
            }
        }
        return closed;
    }
}
