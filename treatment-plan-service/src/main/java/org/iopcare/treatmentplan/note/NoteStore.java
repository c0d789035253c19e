package org.iopcare.treatmentplan.note;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Notes, their immutable versions and addenda (triggers refuse changing either). */
@Repository
class NoteStore {

    private static final String NOTE = """
            SELECT n.*, v.content::text AS content FROM clinical_note n
            JOIN clinical_note_version v ON v.note_id = n.id AND v.number = n.current_version
            """;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    NoteStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new draft note with its first version. */
    void create(Note note) {
        jdbc.update(
                """
                INSERT INTO clinical_note (id, client_id, plan_id, session_id, kind, group_note_id, author, created_at,
                                           status, current_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """,
                note.id(),
                note.clientId(),
                note.planId(),
                note.sessionId(),
                note.kind().name(),
                note.groupNoteId(),
                note.author(),
                Timestamp.from(note.createdAt()),
                note.status().name());
        appendVersion(note.id(), new Note.Version(1, note.author(), note.createdAt(), note.content()));
    }

    void appendVersion(UUID noteId, Note.Version version) {
        jdbc.update(
                "INSERT INTO clinical_note_version (note_id, number, author, created_at, content) VALUES (?, ?, ?, ?, ?::jsonb)",
                noteId,
                version.number(),
                version.author(),
                Timestamp.from(version.createdAt()),
                json.writeValueAsString(version.content()));
        jdbc.update(
                "UPDATE clinical_note SET current_version = ?, row_version = row_version + 1 WHERE id = ?",
                version.number(),
                noteId);
    }

    void setStatus(UUID noteId, NoteStatus status, String signedBy, Instant signedAt) {
        jdbc.update(
                "UPDATE clinical_note SET status = ?, signed_by = ?, signed_at = ?, row_version = row_version + 1"
                        + " WHERE id = ?",
                status.name(),
                signedBy,
                Timestamp.from(signedAt),
                noteId);
    }

    void cosign(UUID noteId, String supervisor, Instant at) {
        jdbc.update(
                "UPDATE clinical_note SET status = 'SIGNED', cosigned_by = ?, cosigned_at = ?,"
                        + " row_version = row_version + 1 WHERE id = ?",
                supervisor,
                Timestamp.from(at),
                noteId);
    }

    void addAddendum(UUID noteId, Note.Addendum addendum) {
        jdbc.update(
                "INSERT INTO clinical_note_addendum (id, note_id, author, created_at, text) VALUES (?, ?, ?, ?, ?)",
                addendum.id(),
                noteId,
                addendum.author(),
                Timestamp.from(addendum.createdAt()),
                addendum.text());
    }

    Optional<UUID> clientOf(UUID noteId) {
        return jdbc.queryForList("SELECT client_id FROM clinical_note WHERE id = ?", UUID.class, noteId).stream()
                .findFirst();
    }

    boolean sessionDocumented(UUID sessionId) {
        return !jdbc.queryForList("SELECT id FROM clinical_note WHERE session_id = ?", UUID.class, sessionId)
                .isEmpty();
    }

    Optional<Note> find(UUID noteId) {
        return jdbc.query(NOTE + " WHERE n.id = ?", this::map, noteId).stream().findFirst();
    }

    Optional<Note> findForUpdate(UUID noteId) {
        jdbc.queryForList("SELECT id FROM clinical_note WHERE id = ? FOR UPDATE", UUID.class, noteId);
        return find(noteId);
    }

    List<Note> forClient(UUID clientId) {
        return jdbc.query(NOTE + " WHERE n.client_id = ? ORDER BY n.created_at, n.id", this::map, clientId);
    }

    List<Note> forGroup(UUID groupNoteId) {
        return jdbc.query(NOTE + " WHERE n.group_note_id = ? ORDER BY n.id", this::map, groupNoteId);
    }

    List<Note.Version> versions(UUID noteId) {
        return jdbc.query(
                "SELECT number, author, created_at, content::text AS content FROM clinical_note_version"
                        + " WHERE note_id = ? ORDER BY number",
                (rs, n) -> new Note.Version(
                        rs.getInt("number"),
                        rs.getString("author"),
                        rs.getTimestamp("created_at").toInstant(),
                        json.readValue(rs.getString("content"), NoteContent.class)),
                noteId);
    }

    private List<Note.Addendum> addenda(UUID noteId) {
        return jdbc.query(
                "SELECT id, author, created_at, text FROM clinical_note_addendum WHERE note_id = ? ORDER BY created_at, id",
                (rs, n) -> new Note.Addendum(
                        rs.getObject("id", UUID.class),
                        rs.getString("author"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("text")),
                noteId);
    }

    private Note map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Note(
                id,
                rs.getObject("client_id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getObject("session_id", UUID.class),
                NoteKind.valueOf(rs.getString("kind")),
                rs.getObject("group_note_id", UUID.class),
                rs.getString("author"),
                rs.getTimestamp("created_at").toInstant(),
                NoteStatus.valueOf(rs.getString("status")),
                rs.getInt("current_version"),
                rs.getString("signed_by"),
                instant(rs.getTimestamp("signed_at")),
                rs.getString("cosigned_by"),
                instant(rs.getTimestamp("cosigned_at")),
                json.readValue(rs.getString("content"), NoteContent.class),
                addenda(id));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
