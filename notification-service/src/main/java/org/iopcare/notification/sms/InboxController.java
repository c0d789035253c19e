package org.iopcare.notification.sms;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Client replies that need a person, newest first, threaded by client. */
@RestController
@PreAuthorize("hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
class InboxController {

    /** One reply; {@code clientId} is null when the number belongs to no known client. */
    record InboxItem(UUID id, UUID clientId, String from, String kind, String body, String note, Instant receivedAt) {}

    private final JdbcTemplate jdbc;

    InboxController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/inbox")
    List<InboxItem> inbox(@RequestParam(required = false) UUID clientId) {
        return jdbc.query(
                "SELECT id, client_id, from_number, kind, body, note, received_at FROM inbox_item"
                        + " WHERE (?::uuid IS NULL OR client_id = ?::uuid) ORDER BY client_id NULLS LAST,"
                        + " received_at DESC LIMIT 500",
                (rs, i) -> new InboxItem(
                        rs.getObject("id", UUID.class),
                        rs.getObject("client_id", UUID.class),
                        rs.getString("from_number"),
                        rs.getString("kind"),
                        rs.getString("body"),
                        rs.getString("note"),
                        rs.getTimestamp("received_at").toInstant()),
                clientId,
                clientId);
    }
}
