package org.iopcare.treatmentplan.note;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.iopcare.treatmentplan.plan.PlanCaseload;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProgressNoteController {

    private final ProgressNotes notes;
    private final PlanCaseload caseload;

    ProgressNoteController(ProgressNotes notes, PlanCaseload caseload) {
        this.notes = notes;
        this.caseload = caseload;
    }

    /** A draft progress note (DAP or BIRP) for the client's individual session or check-in. */
    @PostMapping("/api/clients/{id}/notes")
    @PreAuthorize(NoteController.CLINICAL_STAFF)
    ResponseEntity<Note> create(
            @PathVariable UUID id, @Valid @RequestBody NoteRequests.NewProgressNote request, Principal author) {
        // the same answer as for a client without an open plan
        caseload.requireClient(id, "Open plan for client");
        Note note = notes.create(id, request, author.getName());
        return ResponseEntity.created(URI.create("/api/notes/" + note.id())).body(note);
    }
}
