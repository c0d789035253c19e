package org.iopcare.treatmentplan.note;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.iopcare.support.web.ProblemException;
import org.iopcare.treatmentplan.plan.PlanCaseload;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A client's notes. Clinical content: clinicians (their caseload) and supervisors only, like the
 * plan; a note reached by its id is resolved to its client first, so a note outside the caseload
 * is the same 404 as a note that does not exist.
 */
@RestController
class NoteController {

    static final String CLINICAL_STAFF = "hasAnyRole('CLINICIAN','CLINICAL_SUPERVISOR')";

    private final ClinicalNotes notes;
    private final NoteStore store;
    private final PlanCaseload caseload;

    NoteController(ClinicalNotes notes, NoteStore store, PlanCaseload caseload) {
        this.notes = notes;
        this.store = store;
        this.caseload = caseload;
    }

    /** The client's notes with their current content and addenda, oldest first. */
    @GetMapping("/api/clients/{id}/notes")
    @PreAuthorize(CLINICAL_STAFF)
    List<Note> forClient(@PathVariable UUID id) {
        caseload.requireClient(id, "Plan for client");
        return notes.forClient(id);
    }

    @GetMapping("/api/notes/{id}")
    @PreAuthorize(CLINICAL_STAFF)
    Note note(@PathVariable UUID id) {
        requireNote(id);
        return notes.get(id);
    }

    /** Every saved version of the note, oldest first. */
    @GetMapping("/api/notes/{id}/versions")
    @PreAuthorize(CLINICAL_STAFF)
    List<Note.Version> versions(@PathVariable UUID id) {
        requireNote(id);
        return notes.versions(id);
    }

    /** A new version of the author's draft, with its whole content. */
    @PutMapping("/api/notes/{id}")
    @PreAuthorize(CLINICAL_STAFF)
    Note edit(@PathVariable UUID id, @Valid @RequestBody NoteRequests.NoteEdit request, Principal author) {
        requireNote(id);
        return notes.edit(id, request, author.getName());
    }

    /** The author signs the draft. */
    @PostMapping("/api/notes/{id}/sign")
    @PreAuthorize(CLINICAL_STAFF)
    Note sign(@PathVariable UUID id, Principal signer) {
        requireNote(id);
        return notes.sign(id, signer.getName());
    }

    /** A supervisor co-signs a note signed by staff whose work needs it. */
    @PostMapping("/api/notes/{id}/cosign")
    @PreAuthorize("hasRole('CLINICAL_SUPERVISOR')")
    Note cosign(@PathVariable UUID id, Principal supervisor) {
        requireNote(id);
        return notes.cosign(id, supervisor.getName());
    }

    /** A correction or addition to a signed note. */
    @PostMapping("/api/notes/{id}/addenda")
    @PreAuthorize(CLINICAL_STAFF)
    ResponseEntity<Note.Addendum> addendum(
            @PathVariable UUID id, @Valid @RequestBody NoteRequests.NewAddendum request, Principal author) {
        requireNote(id);
        Note.Addendum addendum = notes.addendum(id, request, author.getName());
        return ResponseEntity.created(URI.create("/api/notes/" + id)).body(addendum);
    }

    private void requireNote(UUID noteId) {
        UUID client = store.clientOf(noteId).orElseThrow(() -> ProblemException.notFound("Note"));
        caseload.requireClient(client, "Note");
    }
}
