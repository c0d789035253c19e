package org.iopcare.notification.message;

import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
class MessageController {

    private final Messages messages;

    MessageController(Messages messages) {
        this.messages = messages;
    }

    /** Everything sent to or about a client, newest first. */
    @GetMapping("/api/clients/{clientId}/messages")
    List<MessageView> forClient(@PathVariable UUID clientId) {
        return messages.forClient(clientId).stream().map(MessageView::of).toList();
    }

    @GetMapping("/api/messages/{id}")
    MessageView get(@PathVariable UUID id) {
        return MessageView.of(messages.get(id), messages.history(id));
    }
}
