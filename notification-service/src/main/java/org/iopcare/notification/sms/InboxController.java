package org.iopcare.notification.sms;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.iopcare.notification.message.MessageText;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.caseload.Caseload.Visibility;
import org.iopcare.support.security.StaffRole;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Client replies that need a person: those with crisis language first (flag {@code crisis}, shown
 * to every role that sees the reply, text or not), then threaded by client, newest first. Intake, scheduling and
 * supervisors see every reply, clinicians those of their caseload; a reply from a number that
 * belongs to no known client is seen only by the roles that see every reply. Only clinicians and
 * supervisors read the reply's text ({@link MessageText}).
 */
@RestController
@PreAuthorize("hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR')")
class InboxController {

    static final Caseload.Rule RULE =
            Caseload.clinicWide(StaffRole.INTAKE_COORDINATOR, StaffRole.SCHEDULER, StaffRole.CLINICAL_SUPERVISOR);

    /**
     * One reply; {@code crisis} when it contains crisis language; {@code clientId} is null when the number belongs to no known client, {@code body}
     * when the caller does not read reply text.
     */
    record InboxItem(
            UUID id,
            @Nullable UUID clientId,
            String from,
            String kind,
            boolean crisis,
            @Nullable String body,
            @Nullable String note,
            Instant receivedAt) {

        InboxItem withoutBody() {
            return new InboxItem(id, clientId, from, kind, crisis, null, note, receivedAt);
        }
    }

    private final JdbcTemplate jdbc;
    private final Caseload caseload;
    private final MessageText text;

    InboxController(JdbcTemplate jdbc, Caseload caseload, MessageText text) {
        this.jdbc = jdbc;
        this.caseload = caseload;
        this.text = text;
    }

    /** {@code clientId} narrows the list to one client; a client outside the caseload gives none. */
    @GetMapping("/api/inbox")
    List<InboxItem> inbox(@RequestParam(required = false) @Nullable UUID clientId) {
        Visibility visible = caseload.visibility(RULE);
        List<InboxItem> items = jdbc.query(
                "SELECT id, client_id, from_number, kind, crisis, body, note, received_at FROM inbox_item"
                        + " WHERE (?::uuid IS NULL OR client_id = ?::uuid) AND (? OR client_id = ANY(?))"
                        + " ORDER BY crisis DESC, client_id NULLS LAST, received_at DESC LIMIT 500",
                (rs, i) -> new InboxItem(
                        rs.getObject("id", UUID.class),
                        rs.getObject("client_id", UUID.class),
                        rs.getString("from_number"),
                        rs.getString("kind"),
                        rs.getBoolean("crisis"),
                        rs.getString("body"),
                        rs.getString("note"),
                        rs.getTimestamp("received_at").toInstant()),
                clientId,
                clientId,
                visible.all(),
                visible.clientArray());
        caseload.disclose(items.stream().filter(item -> item.clientId() != null).toList(), InboxItem::clientId, RULE);
        Predicate<UUID> readable = text.readableClients();
        return items.stream()
                .map(item -> readable.test(item.clientId()) ? item : item.withoutBody())
                .toList();
    }
}
