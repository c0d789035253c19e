package org.iopcare.treatmentplan.note;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.iopcare.support.web.ProblemException;
import org.iopcare.treatmentplan.plan.PlanCaseload;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Group notes: the facilitator writes the group's part once and a short part per present attendee;
 * saving puts one draft note in each attendee's record, and signing the group signs them all.
 * Every attendee must be a client the caller may see (404 otherwise, before anything is read), and
 * a client recorded absent gets no note (422).
 */
@Service
public class GroupNotes {

    private final ClientSessions sessions;
    private final ClinicalNotes notes;
    private final NoteStore store;
    private final PlanCaseload caseload;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    GroupNotes(
            ClientSessions sessions,
            ClinicalNotes notes,
            NoteStore store,
            PlanCaseload caseload,
            JdbcTemplate jdbc,
            JsonMapper json,
            Clock clock) {
        this.sessions = sessions;
        this.notes = notes;
        this.store = store;
        this.caseload = caseload;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public GroupNoteView create(NoteRequests.NewGroupNote request, String author) {
        Instant now = Instant.now(clock);
        List<ClientSessions.Session> attended = new ArrayList<>();
        for (NoteRequests.Attendee attendee : request.attendees()) {
            ClientSessions.Session session =
                    sessions.find(attendee.sessionId(), now).orElseThrow(() -> ProblemException.notFound("Session"));
            caseload.requireClient(session.clientId(), "Session");
            attended.add(session);
        }
        Set<UUID> clients = new HashSet<>();
        for (ClientSessions.Session session : attended) {
            NoteRules.requireAttended(session, true);
            if (!session.startsAt().equals(attended.get(0).startsAt()) || !clients.add(session.clientId())) {
                throw ProblemException.unprocessable(
                        "not-one-group", "The attendees' sessions must be one group meeting, each client once");
            }
        }
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO group_note (id, starts_at, author, created_at, content) VALUES (?, ?, ?, ?, ?::jsonb)",
                id,
                Timestamp.from(attended.get(0).startsAt()),
                author,
                Timestamp.from(now),
                json.writeValueAsString(request.group()));
        for (int i = 0; i < attended.size(); i++) {
            NoteContent content =
                    new NoteContent(request.group(), request.attendees().get(i).part(), null, null);
            notes.createDraft(attended.get(i), id, content, author);
        }
        return view(id);
    }

    /** Signs every draft of the group; only the group note's author signs. */
    @Transactional
    public GroupNoteView sign(UUID groupNoteId, String signer) {
        GroupNoteView group = readable(groupNoteId);
        if (!group.author().equals(signer)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN, "not-the-author", "Not the author", "Only the group note's author signs it");
        }
        jdbc.queryForList("SELECT id FROM group_note WHERE id = ? FOR UPDATE", UUID.class, groupNoteId);
        for (Note note : store.forGroup(groupNoteId)) {
            if (note.status() == NoteStatus.DRAFT && note.author().equals(signer)) {
                notes.signDraft(note, signer);
            }
        }
        return view(groupNoteId);
    }

    /** The group note, once the caller may see every attendee: 404 otherwise, as for none. */
    private GroupNoteView readable(UUID groupNoteId) {
        List<UUID> clients = jdbc.queryForList(
                "SELECT client_id FROM clinical_note WHERE group_note_id = ?", UUID.class, groupNoteId);
        if (clients.isEmpty()) {
            throw ProblemException.notFound("Group note");
        }
        clients.forEach(client -> caseload.requireClient(client, "Group note"));
        return view(groupNoteId);
    }

    private GroupNoteView view(UUID groupNoteId) {
        List<GroupNoteView.AttendeeNote> attendees = store.forGroup(groupNoteId).stream()
                .map(n -> new GroupNoteView.AttendeeNote(n.id(), n.clientId(), n.sessionId(), n.status()))
                .toList();
        return jdbc.queryForObject(
                "SELECT id, starts_at, author, created_at, content::text AS content FROM group_note WHERE id = ?",
                (rs, n) -> new GroupNoteView(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("starts_at").toInstant(),
                        rs.getString("author"),
                        rs.getTimestamp("created_at").toInstant(),
                        json.readValue(rs.getString("content"), NoteContent.GroupPart.class),
                        attendees),
                groupNoteId);
    }
}
