package org.iopcare.intake.client;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.iopcare.support.caseload.Caseload.Visibility;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds clients by name, phone or email, track and primary clinician, within what the caller may
 * see: the caseload filter is part of the query, so every page is full and the total is right.
 * Each clause is a prefix match on an expression V4__client_search_indexes.sql indexes.
 */
@Service
class ClientSearch {

    private static final String COLUMNS = """
            SELECT c.id, c.first_name, c.last_name, c.preferred_name, c.phone, c.email,
                   e.track_code, e.discharged_at, t.staff_id""";

    private static final String ORDER = " ORDER BY lower(c.last_name), lower(c.first_name), c.id";

    /** The client's latest enrollment and current primary clinician, beside the client row. */
    private static final String FROM = "\n" + """
             FROM client c
             LEFT JOIN LATERAL (SELECT e.track_code, e.discharged_at FROM enrollment e
                                 WHERE e.client_id = c.id ORDER BY e.enrolled_at DESC, e.id LIMIT 1) e ON TRUE
             LEFT JOIN care_team t ON t.client_id = c.id AND t.team_role = 'PRIMARY_CLINICIAN'
             WHERE TRUE""";

    private static final RowMapper<ClientSummary> SUMMARY = (rs, i) -> new ClientSummary(
            rs.getObject("id", UUID.class),
            rs.getString("first_name"),
            rs.getString("last_name"),
            rs.getString("preferred_name"),
            rs.getString("phone"),
            rs.getString("email"),
            rs.getString("track_code") != null && rs.getObject("discharged_at") == null
                    ? ClientSummary.Status.ENROLLED
                    : ClientSummary.Status.DISCHARGED,
            rs.getString("track_code"),
            rs.getString("staff_id"));

    private final JdbcTemplate jdbc;

    ClientSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of the visible clients matching every given criterion, by last then first name.
     *
     * @param text the search text, or null
     * @param trackCode the track of the latest enrollment, or null
     * @param clinician the primary clinician's staff id, or null
     */
    @Transactional(readOnly = true)
    Page<ClientSummary> find(
            SearchText text, String trackCode, String clinician, Visibility visible, int page, int size) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (!visible.all()) {
            where.append(" AND (c.id = ANY(?)");
            args.add(visible.clientArray());
            if (visible.unassignedClients()) {
                where.append(" OR NOT EXISTS (SELECT 1 FROM care_team_member m WHERE m.client_id = c.id)");
            }
            where.append(')');
        }
        if (text != null) {
            match(text, where, args);
        }
        if (trackCode != null) {
            where.append(" AND e.track_code = ?");
            args.add(trackCode);
        }
        if (clinician != null) {
            where.append(" AND t.staff_id = ?");
            args.add(clinician);
        }
        Long total = jdbc.queryForObject("SELECT count(*)" + FROM + where, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add(size);
        paged.add((long) page * size);
        List<ClientSummary> content =
                jdbc.query(COLUMNS + FROM + where + ORDER + " LIMIT ? OFFSET ?", SUMMARY, paged.toArray());
        return new PageImpl<>(content, PageRequest.of(page, size), total == null ? 0 : total);
    }

    private static void match(SearchText text, StringBuilder where, List<Object> args) {
        switch (text.kind()) {
            case EMAIL -> {
                where.append(" AND lower(c.email) LIKE ? ESCAPE '\\'");
                args.add(text.pattern());
            }
            case PHONE -> {
                where.append(" AND reverse(c.phone) LIKE ?");
                args.add(text.pattern());
            }
            case NAME -> {
                where.append(" " + """
                         AND (lower(c.last_name) LIKE ? ESCAPE '\\'
                           OR lower(c.first_name) LIKE ? ESCAPE '\\'
                           OR lower(c.preferred_name) LIKE ? ESCAPE '\\'
                           OR lower(c.first_name || ' ' || c.last_name) LIKE ? ESCAPE '\\'
                           OR lower(c.preferred_name || ' ' || c.last_name) LIKE ? ESCAPE '\\')""");
                for (int i = 0; i < 5; i++) {
                    args.add(text.pattern());
                }
            }
        }
    }
}
