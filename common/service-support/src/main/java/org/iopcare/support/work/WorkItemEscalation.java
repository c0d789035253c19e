package org.iopcare.support.work;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.StaffAlerted;
import org.iopcare.support.outbox.Outbox;
import org.iopcare.support.security.StaffRole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves each URGENT item that nobody acknowledged in time one step up: to the clinical supervisors'
 * queue, then to the program administrators'. Each step appends one {@link StaffAlerted} in the
 * transaction that moves the item, so a step and its alert commit together, once. Due rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}: instances running the job at once take different
 * rows, and the state (step, next time) lives in the table, so a restart loses nothing.
 */
public class WorkItemEscalation {

    /** The queues an unacknowledged urgent item climbs, in order. */
    static final List<StaffRole> LADDER = List.of(StaffRole.CLINICAL_SUPERVISOR, StaffRole.PROGRAM_ADMIN);

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final WorkItems items;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final WorkItemProperties properties;
    private final String producer;
    private final MeterRegistry meters;

    public WorkItemEscalation(
            JdbcTemplate jdbc,
            Outbox outbox,
            WorkItems items,
            TransactionTemplate transactions,
            Clock clock,
            WorkItemProperties properties,
            String producer,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.items = items;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.producer = producer;
        this.meters = meters;
    }

    /** Escalates the items due now, a batch per transaction; returns how many steps were taken. */
    public int escalateDue() {
        int total = 0;
        int batch;
        do {
            Integer stepped = transactions.execute(status -> escalateBatch());
            batch = stepped == null ? 0 : stepped;
            total += batch;
        } while (batch == properties.batchSize());
        return total;
    }

    private int escalateBatch() {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<Due> due = jdbc.query(
                """
                SELECT id, client_id, escalation_step, owner_staff_id, owner_queue FROM work_item
                WHERE state = 'OPEN' AND priority = 'URGENT' AND next_escalation_at <= ?
                ORDER BY next_escalation_at LIMIT ? FOR UPDATE SKIP LOCKED
                """,
                (rs, i) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("client_id", UUID.class),
                        rs.getInt("escalation_step"),
                        WorkItemRows.label(rs.getString("owner_staff_id"), rs.getString("owner_queue"))),
                Timestamp.from(now),
                properties.batchSize());
        for (Due item : due) {
            escalate(item, now);
        }
        return due.size();
    }

    private void escalate(Due item, Instant now) {
        int step = item.step() + 1;
        if (step > LADDER.size()) {
            // the top of the ladder: nothing higher to alert, the item stays with the administrators
            jdbc.update("UPDATE work_item SET next_escalation_at = NULL WHERE id = ?", item.id());
            return;
        }
        StaffRole queue = LADDER.get(step - 1);
        Timestamp next = step < LADDER.size() ? Timestamp.from(now.plus(properties.escalateAfter())) : null;
        jdbc.update("""
                UPDATE work_item SET owner_staff_id = NULL, owner_queue = ?, escalation_step = ?,
                    next_escalation_at = ?, updated_at = ?, version = version + 1
                WHERE id = ?
                """, queue.name(), step, next, Timestamp.from(now), item.id());
        items.record(
                item.id(),
                now,
                WorkItems.SYSTEM,
                "ESCALATED",
                WorkItemState.OPEN,
                WorkItemState.OPEN,
                item.owner(),
                "queue:" + queue.name(),
                "STEP_" + step);
        outbox.append(new StaffAlerted(
                UUID.randomUUID(), now, item.clientId(), producer, item.id(), step, null, queue.name()));
        Counter.builder("iopcare.work.escalations")
                .description("Urgent work items escalated, by step")
                .tag("step", String.valueOf(step))
                .register(meters)
                .increment();
    }

    private record Due(UUID id, UUID clientId, int step, String owner) {}
}
