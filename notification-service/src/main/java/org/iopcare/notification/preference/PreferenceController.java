package org.iopcare.notification.preference;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.UUID;
import org.iopcare.notification.message.MessageController;
import org.iopcare.support.caseload.Caseload;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A client's message preferences, read and changed by the staff who talk with the client. Access
 * follows the notification-service table of docs/architecture.md: clinicians their caseload only.
 */
@RestController
@PreAuthorize("hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
class PreferenceController {

    private final Preferences preferences;
    private final Caseload caseload;

    PreferenceController(Preferences preferences, Caseload caseload) {
        this.preferences = preferences;
        this.caseload = caseload;
    }

    @GetMapping("/api/clients/{clientId}/preferences")
    PreferenceView get(@PathVariable UUID clientId) {
        caseload.require(clientId, MessageController.RULE, "Client");
        return preferences.view(clientId);
    }

    @PutMapping("/api/clients/{clientId}/preferences")
    PreferenceView put(@PathVariable UUID clientId, @Valid @RequestBody PreferenceRequest request, Principal staff) {
        caseload.require(clientId, MessageController.RULE, "Client");
        return preferences.change(clientId, request, staff.getName());
    }
}
