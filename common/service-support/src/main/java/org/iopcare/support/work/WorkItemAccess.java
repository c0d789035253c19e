package org.iopcare.support.work;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.security.StaffCaller;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which work items a caller sees ({@code docs/architecture.md}, "Work items"): clinical
 * supervisors every item; everyone else the items they own, the items in the queue of a role they
 * hold, and the items of the clients in their caseload (care team or unexpired emergency grant).
 * Lists are filtered in the query; any other item is a 404, as if it did not exist. Every client a
 * caller is shown is recorded in the request's audit record.
 */
public class WorkItemAccess {

    static final Caseload.Rule RULE = Caseload.clinicWide(StaffRole.CLINICAL_SUPERVISOR);

    private final JdbcTemplate jdbc;
    private final Caseload caseload;
    private final WorkItems items;

    public WorkItemAccess(JdbcTemplate jdbc, Caseload caseload, WorkItems items) {
        this.jdbc = jdbc;
        this.caseload = caseload;
        this.items = items;
    }

    /** A filtered page, urgent first, then by due time. {@code owner}: me, a role name or a staff id. */
    @Transactional(readOnly = true)
    public Page<WorkItemView> list(Filter filter, int page, int size) {
        StaffCaller caller = StaffCaller.current();
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> args = new ArrayList<>();
        visible(caller, where, args);
        if (filter.owner() != null) {
            String owner = "me".equals(filter.owner()) ? caller.subject() : filter.owner();
            if (Arrays.asList(StaffRole.names()).contains(owner)) {
                where.append(" AND owner_queue = ?");
            } else {
                where.append(" AND owner_staff_id = ?");
            }
            args.add(owner);
        }
        if (filter.state() != null) {
            where.append(" AND state = ?");
            args.add(filter.state().name());
        }
        if (filter.priority() != null) {
            where.append(" AND priority = ?");
            args.add(filter.priority().name());
        }
        if (filter.clientId() != null) {
            where.append(" AND client_id = ?");
            args.add(filter.clientId());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM work_item" + where, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add(size);
        paged.add((long) page * size);
        List<WorkItemView> content = jdbc.query(
                "SELECT " + WorkItemRows.COLUMNS + " FROM work_item" + where
                        + " ORDER BY priority_rank, due_at, id LIMIT ? OFFSET ?",
                WorkItemRows.ITEM,
                paged.toArray());
        caseload.disclose(content, WorkItemView::clientId, RULE);
        return new PageImpl<>(content, PageRequest.of(page, size), total == null ? 0 : total);
    }

    /** The item with its history if the caller sees it; 404 otherwise. */
    @Transactional(readOnly = true)
    public WorkItemView get(UUID id) {
        WorkItemView item = visibleItem(id);
        caseload.disclose(List.of(item), WorkItemView::clientId, RULE);
        return item;
    }

    /** The item, as the caller may act on it (read for a transition); 404 if they do not see it. */
    public WorkItemView visibleItem(UUID id) {
        StaffCaller caller = StaffCaller.current();
        StringBuilder where = new StringBuilder(" WHERE id = ?");
        List<Object> args = new ArrayList<>(List.of(id));
        visible(caller, where, args);
        return jdbc
                .query("SELECT " + WorkItemRows.COLUMNS + " FROM work_item" + where, WorkItemRows.ITEM, args.toArray())
                .stream()
                .findFirst()
                .map(item -> item.withHistory(items.history(id)))
                .orElseThrow(() -> ProblemException.notFound("Work item"));
    }

    /** Records the item's client as disclosed to the caller, and returns the item. */
    public WorkItemView disclosed(WorkItemView item) {
        caseload.disclose(List.of(item), WorkItemView::clientId, RULE);
        return item;
    }

    /** The caller's staff subject. */
    public static String subject() {
        return StaffCaller.current().subject();
    }

    private void visible(StaffCaller caller, StringBuilder where, List<Object> args) {
        Caseload.Visibility visibility = caseload.visibility(RULE);
        if (visibility.all()) {
            return;
        }
        where.append(" AND (client_id = ANY(?) OR owner_staff_id = ? OR owner_queue = ANY(?))");
        args.add(visibility.clientArray());
        args.add(caller.subject());
        args.add(caller.roles().toArray(String[]::new));
    }

    /**
     * The list's filters.
     *
     * @param owner {@code me}, a role name (that role's queue) or a staff id
     */
    public record Filter(String owner, WorkItemState state, Priority priority, UUID clientId) {}
}
