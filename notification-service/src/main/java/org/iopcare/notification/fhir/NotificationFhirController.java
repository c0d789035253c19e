package org.iopcare.notification.fhir;

import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.DATE;
import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.REFERENCE;
import static org.iopcare.support.fhir.FhirCapabilities.param;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.iopcare.notification.message.MessageController;
import org.iopcare.support.fhir.FhirCapabilities;
import org.iopcare.support.fhir.FhirCapabilities.Offered;
import org.iopcare.support.fhir.FhirReads;
import org.iopcare.support.fhir.FhirResponses;
import org.iopcare.support.fhir.FhirSearch;
import org.iopcare.support.fhir.FhirSearch.DateRange;
import org.iopcare.support.fhir.IopFhir;
import org.iopcare.support.fhir.Part2Labels;
import org.iopcare.support.fhir.SearchParams;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * notification's FHIR R4 read API (docs/fhir.md): a Communication per message to or about a
 * client, with its template kind, channel and delivery status and never its text or destination.
 * The roles and caseload rule of {@code GET /api/clients/{clientId}/messages}.
 */
@RestController
@RequestMapping("/fhir")
@Tag(name = "FHIR R4")
class NotificationFhirController {

    private static final String READERS =
            "hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')";
    private static final String PARTICIPATION_MODE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode";

    private final JdbcTemplate jdbc;
    private final FhirReads reads;
    private final FhirResponses responses;

    NotificationFhirController(JdbcTemplate jdbc, FhirReads reads, FhirResponses responses) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.responses = responses;
    }

    @GetMapping("/metadata")
    @Operation(summary = "The CapabilityStatement of notification's FHIR API")
    ResponseEntity<String> metadata() {
        return responses.resource(FhirCapabilities.of(
                "notification-service",
                List.of(new Offered(
                        "Communication",
                        List.of(param("patient", REFERENCE, "Required"), param("date", DATE, "When created"))))));
    }

    @GetMapping("/Communication/{id}")
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> communication(@PathVariable String id) {
        UUID client = FhirSearch.owner(
                FhirSearch.UUID_ID,
                id,
                message -> jdbc.queryForList("SELECT client_id FROM message WHERE id = ?", UUID.class, message).stream()
                        .findFirst()
                        .orElse(null));
        return reads.read("Communication", client, MessageController.RULE, this::communications, id);
    }

    @GetMapping("/Communication")
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    ResponseEntity<String> communications(@ParameterObject SearchParams params) {
        DateRange dates = FhirSearch.dates(params.date());
        return reads.search(
                "Communication",
                params,
                MessageController.RULE,
                this::knows,
                this::communications,
                c -> dates.contains((Instant) c.getUserData("created")));
    }

    private boolean knows(UUID client) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM recipient WHERE client_id = ?)"
                        + " OR EXISTS (SELECT 1 FROM message WHERE client_id = ?)",
                Boolean.class,
                client,
                client));
    }

    /** Every message to or about the client, oldest first. */
    private List<Communication> communications(UUID client) {
        return jdbc.query("""
                SELECT m.id, m.audience, m.kind, m.channel, m.status, m.created_at, m.status_changed_at,
                       (SELECT min(c.changed_at) FROM message_status_change c WHERE c.message_id = m.id
                          AND c.status IN ('SENT', 'UNKNOWN', 'DELIVERED', 'FAILED', 'UNDELIVERABLE')) AS sent_at,
                       (SELECT min(c.changed_at) FROM message_status_change c WHERE c.message_id = m.id
                          AND c.status = 'DELIVERED') AS delivered_at
                FROM message m WHERE m.client_id = ? ORDER BY m.created_at, m.id
                """, (rs, n) -> communication(client, rs), client);
    }

    private static Communication communication(UUID client, ResultSet rs) throws SQLException {
        Communication c = new Communication();
        c.setId(rs.getString("id"));
        c.getMeta()
                .setLastUpdated(Date.from(rs.getTimestamp("status_changed_at").toInstant()));
        c.setUserData("created", rs.getTimestamp("created_at").toInstant());
        String status = rs.getString("status");
        c.setStatus(
                switch (status) {
                    case "QUEUED" -> CommunicationStatus.PREPARATION;
                    case "SENT", "UNKNOWN" -> CommunicationStatus.INPROGRESS;
                    case "DELIVERED" -> CommunicationStatus.COMPLETED;
                    case "FAILED", "UNDELIVERABLE" -> CommunicationStatus.STOPPED;
                    default -> CommunicationStatus.NOTDONE;
                });
        c.setStatusReason(
                new CodeableConcept().addCoding(new Coding(IopFhir.CODE_SYSTEM + "delivery-status", status, null)));
        c.addCategory(new CodeableConcept()
                .addCoding(new Coding(IopFhir.CODE_SYSTEM + "message-kind", rs.getString("kind"), null)));
        boolean sms = "SMS".equals(rs.getString("channel"));
        // R4's v3-ParticipationMode has no code for SMS (SMSWRIT came later): written, and the platform's channel
        c.addMedium(new CodeableConcept()
                .addCoding(
                        sms
                                ? new Coding(PARTICIPATION_MODE, "WRITTEN", "written")
                                : new Coding(PARTICIPATION_MODE, "EMAILWRIT", "email"))
                .addCoding(new Coding(IopFhir.CODE_SYSTEM + "channel", rs.getString("channel"), null))
                .setText(sms ? "SMS message" : "email"));
        c.setSubject(IopFhir.patient(client));
        if ("CLIENT".equals(rs.getString("audience"))) {
            c.addRecipient(IopFhir.patient(client));
        } else {
            c.addRecipient().setType("Practitioner").setDisplay("care team");
        }
        Timestamp sent = rs.getTimestamp("sent_at");
        if (sent != null) {
            c.setSent(Date.from(sent.toInstant()));
        }
        Timestamp delivered = rs.getTimestamp("delivered_at");
        if (delivered != null) {
            c.setReceived(Date.from(delivered.toInstant()));
        }
        // notification does not know the client's track: every client's messages are labelled
        return Part2Labels.apply(c, true);
    }
}
