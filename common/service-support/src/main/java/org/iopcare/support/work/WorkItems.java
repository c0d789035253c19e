package org.iopcare.support.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.support.web.ProblemException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises, resolves and moves work items. A raise is idempotent by its source key; a staff
 * transition follows the state machine (409 otherwise) and changes the row only at the version it
 * read, so of two concurrent changes one wins and the other is a 409 that changed nothing. Every
 * change appends to the item's history.
 */
public class WorkItems {

    static final String SYSTEM = "system";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final WorkItemProperties properties;

    public WorkItems(JdbcTemplate jdbc, Clock clock, WorkItemProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Raises the item, or returns the one its source key already raised (whatever its state). */
    @Transactional
    public WorkItemView raise(NewWorkItem item) {
        Instant now = now();
        UUID id = UUID.randomUUID();
        Owner owner = item.owner();
        int inserted = jdbc.update(
                """
                INSERT INTO work_item (id, client_id, kind, priority, reason_code, owner_staff_id, owner_queue, due_at,
                    state, source_key, next_escalation_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?) ON CONFLICT (source_key) DO NOTHING
                """,
                id,
                item.clientId(),
                item.kind(),
                item.priority().name(),
                item.reasonCode(),
                owner.staffId(),
                owner.queue() == null ? null : owner.queue().name(),
                Timestamp.from(item.dueAt()),
                item.sourceKey(),
                item.priority() == Priority.URGENT ? Timestamp.from(now.plus(properties.escalateAfter())) : null,
                Timestamp.from(now),
                Timestamp.from(now));
        if (inserted == 0) {
            return bySourceKey(item.sourceKey()).orElseThrow();
        }
        record(id, now, SYSTEM, "RAISED", null, WorkItemState.OPEN, null, owner.label(), item.reasonCode());
        return find(id).orElseThrow();
    }

    /**
     * Closes the source key's item as DONE with this outcome when it is still open: its cause went
     * away. Returns whether an item was closed.
     */
    @Transactional
    public boolean resolve(String sourceKey, String outcomeCode) {
        Optional<WorkItemView> item =
                bySourceKey(sourceKey).filter(found -> found.state().active());
        if (item.isEmpty()) {
            return false;
        }
        WorkItemView found = item.get();
        Instant now = now();
        int changed = jdbc.update("""
                UPDATE work_item SET state = 'DONE', outcome_code = ?, next_escalation_at = NULL, updated_at = ?,
                    version = version + 1
                WHERE id = ? AND state IN ('OPEN', 'ACKNOWLEDGED')
                """, outcomeCode, Timestamp.from(now), found.id());
        if (changed == 1) {
            record(found.id(), now, SYSTEM, "RESOLVED", found.state(), WorkItemState.DONE, null, null, outcomeCode);
        }
        return changed == 1;
    }

    /** The item and its history, without any access check (see {@link WorkItemAccess}). */
    @Transactional(readOnly = true)
    public Optional<WorkItemView> find(UUID id) {
        return jdbc
                .query("SELECT " + WorkItemRows.COLUMNS + " FROM work_item WHERE id = ?", WorkItemRows.ITEM, id)
                .stream()
                .findFirst()
                .map(item -> item.withHistory(WorkItemRows.history(jdbc, id)));
    }

    @Transactional(readOnly = true)
    public Optional<WorkItemView> bySourceKey(String sourceKey) {
        return jdbc
                .query(
                        "SELECT " + WorkItemRows.COLUMNS + " FROM work_item WHERE source_key = ?",
                        WorkItemRows.ITEM,
                        sourceKey)
                .stream()
                .findFirst();
    }

    /** The caller takes the item: it becomes theirs and acknowledged. */
    @Transactional
    public WorkItemView claim(WorkItemView item, String actor) {
        requireActive(item, "claimed");
        if (actor.equals(item.ownerStaffId()) && item.state() == WorkItemState.ACKNOWLEDGED) {
            throw ProblemException.conflict("already-claimed", "The work item is already yours");
        }
        return move(item, actor, "CLAIMED", WorkItemState.ACKNOWLEDGED, Owner.staff(actor), null, null);
    }

    /** The owner has seen it: escalation stops. Only an OPEN item. */
    @Transactional
    public WorkItemView acknowledge(WorkItemView item, String actor) {
        if (item.state() != WorkItemState.OPEN) {
            throw illegal(item, "acknowledged");
        }
        return move(item, actor, "ACKNOWLEDGED", WorkItemState.ACKNOWLEDGED, null, null, null);
    }

    /** Gives the item to another person or queue, who must acknowledge it again. */
    @Transactional
    public WorkItemView reassign(WorkItemView item, String actor, Owner to) {
        requireActive(item, "reassigned");
        return move(item, actor, "REASSIGNED", WorkItemState.OPEN, to, null, null);
    }

    @Transactional
    public WorkItemView complete(WorkItemView item, String actor, String outcomeCode, String note) {
        requireActive(item, "completed");
        return move(item, actor, "COMPLETED", WorkItemState.DONE, null, outcomeCode, note);
    }

    @Transactional
    public WorkItemView cancel(WorkItemView item, String actor, String outcomeCode, String note) {
        requireActive(item, "cancelled");
        return move(item, actor, "CANCELLED", WorkItemState.CANCELLED, null, outcomeCode, note);
    }

    private WorkItemView move(
            WorkItemView item,
            String actor,
            String action,
            WorkItemState to,
            Owner newOwner,
            String outcomeCode,
            String note) {
        Instant now = now();
        String staff = newOwner == null ? item.ownerStaffId() : newOwner.staffId();
        String queue = newOwner == null
                ? item.ownerQueue()
                : newOwner.queue() == null ? null : newOwner.queue().name();
        // an urgent item given to someone new escalates again unless they acknowledge it in time
        Timestamp nextEscalation = to == WorkItemState.OPEN && item.priority() == Priority.URGENT
                ? Timestamp.from(now.plus(properties.escalateAfter()))
                : null;
        int changed = jdbc.update(
                """
                UPDATE work_item SET state = ?, owner_staff_id = ?, owner_queue = ?, outcome_code = ?, outcome_note = ?,
                    next_escalation_at = ?, updated_at = ?, version = version + 1
                WHERE id = ? AND version = ?
                """,
                to.name(),
                staff,
                queue,
                outcomeCode,
                note,
                nextEscalation,
                Timestamp.from(now),
                item.id(),
                item.version());
        if (changed == 0) {
            throw ProblemException.conflict(
                    "concurrent-change", "The work item was changed by another request; reload it and try again");
        }
        String from = WorkItemRows.label(item.ownerStaffId(), item.ownerQueue());
        String toOwner = WorkItemRows.label(staff, queue);
        record(
                item.id(),
                now,
                actor,
                action,
                item.state(),
                to,
                from.equals(toOwner) ? null : from,
                from.equals(toOwner) ? null : toOwner,
                outcomeCode == null ? null : note == null ? outcomeCode : outcomeCode + ": " + note);
        return find(item.id()).orElseThrow();
    }

    void record(
            UUID id,
            Instant at,
            String actor,
            String action,
            WorkItemState from,
            WorkItemState to,
            String fromOwner,
            String toOwner,
            String note) {
        jdbc.update(
                """
                INSERT INTO work_item_history (work_item_id, at, actor, action, from_state, to_state, from_owner,
                    to_owner, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                id,
                Timestamp.from(at),
                actor,
                action,
                from == null ? null : from.name(),
                to.name(),
                fromOwner,
                toOwner,
                note == null || note.length() <= 500 ? note : note.substring(0, 500));
    }

    private static void requireActive(WorkItemView item, String what) {
        if (!item.state().active()) {
            throw illegal(item, what);
        }
    }

    private static ProblemException illegal(WorkItemView item, String what) {
        return ProblemException.conflict(
                "illegal-transition", "A work item that is " + item.state() + " cannot be " + what);
    }

    /** PostgreSQL keeps microseconds: answers show what a later read shows. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    List<WorkItemView.Change> history(UUID id) {
        return WorkItemRows.history(jdbc, id);
    }
}
