package org.iopcare.treatmentplan.note;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The request bodies of the note endpoints. */
final class NoteRequests {

    private NoteRequests() {}

    /**
     * A group's note: the group's part once, and a part per present attendee.
     *
     * @param group the part written once for the whole group
     * @param attendees one entry per present attendee, by the client's session of this group
     */
    record NewGroupNote(
            @NotNull @Valid NoteContent.GroupPart group,
            @NotEmpty @Size(max = 30) List<@NotNull @Valid Attendee> attendees) {}

    /**
     * One present attendee's part.
     *
     * @param sessionId the client's session of the group, as in {@code session-scheduled}
     * @param part the client's part
     */
    record Attendee(@NotNull UUID sessionId, @NotNull @Valid NoteContent.AttendeePart part) {}

    /**
     * A progress note for an individual session or check-in.
     *
     * @param sessionId the client's session, as in {@code session-scheduled}
     * @param progress the note in DAP or BIRP structure
     */
    record NewProgressNote(
            @NotNull UUID sessionId, @NotNull @Valid NoteContent.ProgressNote progress) {}

    /**
     * A new version of a draft note, with its whole content.
     *
     * @param basedOnVersion the version edited; anything but the current one is refused with 409
     */
    record NoteEdit(
            @NotNull @Min(1) Integer basedOnVersion,
            @NotNull @Valid NoteContent content) {}

    /** A correction or addition to a signed note. */
    record NewAddendum(@NotBlank @Size(max = 4000) String text) {}
}
