package org.iopcare.treatmentplan.note;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Group notes: written once, one draft per present attendee, signed together. */
@RestController
class GroupNoteController {

    private final GroupNotes groups;

    GroupNoteController(GroupNotes groups) {
        this.groups = groups;
    }

    /** The group's part and each present attendee's part: one draft note in each attendee's record. */
    @PostMapping("/api/group-notes")
    @PreAuthorize(NoteController.CLINICAL_STAFF)
    ResponseEntity<GroupNoteView> create(@Valid @RequestBody NoteRequests.NewGroupNote request, Principal author) {
        GroupNoteView view = groups.create(request, author.getName());
        return ResponseEntity.created(URI.create("/api/group-notes/" + view.id()))
                .body(view);
    }

    /** The author signs every draft of the group at once. */
    @PostMapping("/api/group-notes/{id}/sign")
    @PreAuthorize(NoteController.CLINICAL_STAFF)
    GroupNoteView sign(@PathVariable UUID id, Principal signer) {
        return groups.sign(id, signer.getName());
    }
}
