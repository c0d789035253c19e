package org.iopcare.treatmentplan.note;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A group's note: the group's part and the note it put in each present attendee's record.
 *
 * @param startsAt when the group met
 * @param notes one per present attendee
 */
public record GroupNoteView(
        UUID id,
        Instant startsAt,
        String author,
        Instant createdAt,
        NoteContent.GroupPart group,
        List<AttendeeNote> notes) {

    /** The note of one attendee, without its content (read it at {@code /api/notes/{id}}). */
    public record AttendeeNote(UUID noteId, UUID clientId, UUID sessionId, NoteStatus status) {}
}
