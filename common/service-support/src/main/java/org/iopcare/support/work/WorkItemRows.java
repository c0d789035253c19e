package org.iopcare.support.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Reads work items and their history from the support tables. */
final class WorkItemRows {

    static final String COLUMNS = """
            id, client_id, kind, priority, reason_code, owner_staff_id, owner_queue, due_at, state, outcome_code,
            outcome_note, escalation_step, next_escalation_at, created_at, updated_at, version
            """;

    static final RowMapper<WorkItemView> ITEM = WorkItemRows::item;

    private WorkItemRows() {}

    static List<WorkItemView.Change> history(JdbcTemplate jdbc, UUID id) {
        return jdbc.query(
                """
                SELECT at, actor, action, from_state, to_state, from_owner, to_owner, note
                FROM work_item_history WHERE work_item_id = ? ORDER BY id
                """,
                (rs, i) -> new WorkItemView.Change(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        state(rs.getString("from_state")),
                        WorkItemState.valueOf(rs.getString("to_state")),
                        rs.getString("from_owner"),
                        rs.getString("to_owner"),
                        rs.getString("note")),
                id);
    }

    private static WorkItemView item(ResultSet rs, int row) throws SQLException {
        return new WorkItemView(
                rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class),
                rs.getString("kind"),
                Priority.valueOf(rs.getString("priority")),
                rs.getString("reason_code"),
                rs.getString("owner_staff_id"),
                rs.getString("owner_queue"),
                instant(rs.getTimestamp("due_at")),
                WorkItemState.valueOf(rs.getString("state")),
                rs.getString("outcome_code"),
                rs.getString("outcome_note"),
                rs.getInt("escalation_step"),
                instant(rs.getTimestamp("next_escalation_at")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                rs.getLong("version"),
                null);
    }

    static String label(String staffId, String queue) {
        return staffId != null ? "staff:" + staffId : "queue:" + queue;
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static @Nullable WorkItemState state(@Nullable String name) {
        return name == null ? null : WorkItemState.valueOf(name);
    }
}
