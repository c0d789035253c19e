package org.iopcare.treatmentplan.note;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A note in a client's record with its current content and its addenda.
 *
 * @param sessionId the session documented; null for a discharge summary
 * @param groupNoteId the group note it belongs to; null for an individual session or check-in
 * @param currentVersion the latest version
 * @param signedBy who signed it, null while a draft
 * @param cosignedBy the supervisor who co-signed it, when its author's role needs one
 */
public record Note(
        UUID id,
        UUID clientId,
        UUID planId,
        @Nullable UUID sessionId,
        NoteKind kind,
        @Nullable UUID groupNoteId,
        String author,
        Instant createdAt,
        NoteStatus status,
        int currentVersion,
        @Nullable String signedBy,
        @Nullable Instant signedAt,
        @Nullable String cosignedBy,
        @Nullable Instant cosignedAt,
        NoteContent content,
        List<Addendum> addenda) {

    /**
     * A correction or addition to a signed note; the note itself stays as signed.
     *
     * @param author who wrote it
     */
    public record Addendum(UUID id, String author, Instant createdAt, String text) {}

    /** One saved version of a note. */
    public record Version(int number, String author, Instant createdAt, NoteContent content) {}
}
