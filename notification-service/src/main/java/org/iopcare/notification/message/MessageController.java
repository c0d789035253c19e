package org.iopcare.notification.message;

import java.util.List;
import java.util.UUID;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.security.StaffRole;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What was sent to or about a client. Access follows the notification-service table of the access
 * matrix (docs/architecture.md, "Who sees what"): clinicians see their caseload's messages only,
 * and only clinicians and supervisors read the text ({@link MessageText}).
 */
@RestController
@PreAuthorize("hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
public class MessageController {

    /**
     * Who sees every client's messages (and preferences); clinicians their caseload. Shared with the
     * preferences: whoever sees what a client was sent also sees how they want to be reached.
     */
    public static final Caseload.Rule RULE = Caseload.clinicWide(
            StaffRole.INTAKE_COORDINATOR, StaffRole.SCHEDULER, StaffRole.CLINICAL_SUPERVISOR, StaffRole.PROGRAM_ADMIN);

    private final Messages messages;
    private final Caseload caseload;
    private final MessageText text;

    MessageController(Messages messages, Caseload caseload, MessageText text) {
        this.messages = messages;
        this.caseload = caseload;
        this.text = text;
    }

    /** Everything sent to or about a client, newest first. */
    @GetMapping("/api/clients/{clientId}/messages")
    List<MessageView> forClient(@PathVariable UUID clientId) {
        caseload.require(clientId, RULE, "Client");
        boolean readable = text.readable(clientId);
        return messages.forClient(clientId).stream()
                .map(message -> MessageView.of(message, readable))
                .toList();
    }

    @GetMapping("/api/messages/{id}")
    MessageView get(@PathVariable UUID id) {
        Message message = messages.get(id);
        caseload.require(message.clientId(), RULE, "Message");
        return MessageView.of(message, messages.history(id), text.readable(message.clientId()));
    }
}
