package org.iopcare.treatmentplan.note;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iopcare.support.db.TransactionLocks;
import org.iopcare.support.web.ProblemException;
import org.iopcare.treatmentplan.plan.Cosignatures;
import org.iopcare.treatmentplan.plan.TreatmentPlan;
import org.iopcare.treatmentplan.plan.TreatmentPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's notes: drafts saved as new versions, signed by their author, then immutable and
 * corrected only by addenda. Nothing of a note is published: its text never leaves the service.
 */
@Service
public class ClinicalNotes {

    private final NoteStore store;
    private final TreatmentPlans plans;
    private final Cosignatures cosignatures;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ClinicalNotes(NoteStore store, TreatmentPlans plans, Cosignatures cosignatures, JdbcTemplate jdbc, Clock clock) {
        this.store = store;
        this.plans = plans;
        this.cosignatures = cosignatures;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A draft note for an attended session of the client's open plan; 409 when the session already
     * has a note, 422 when an objective is not in the plan.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Note createDraft(ClientSessions.Session session, @Nullable UUID groupNoteId, NoteContent content, String author) {
        // concurrent writes for one session queue here, so the second finds the first's note
        TransactionLocks.lock(jdbc, "note-session:" + session.id());
        if (store.sessionDocumented(session.id())) {
            throw ProblemException.conflict(
                    "session-documented",
                    "Session " + session.id() + " already has a note: edit its draft or add an addendum");
        }
        TreatmentPlan plan = plans.openForClient(session.clientId());
        NoteRules.requireObjectives(content, plans.currentContent(plan.id()));
        Note note = new Note(
                UUID.randomUUID(),
                session.clientId(),
                plan.id(),
                session.id(),
                NoteKind.valueOf(session.kind().name()),
                groupNoteId,
                author,
                Instant.now(clock),
                NoteStatus.DRAFT,
                1,
                null,
                null,
                null,
                null,
                content,
                List.of());
        store.create(note);
        return note;
    }

    /** A new version of a draft; 409 once signed or when based on an older version. */
    @Transactional
    public Note edit(UUID noteId, NoteRequests.NoteEdit request, String author) {
        Note note = lockedDraft(noteId, author);
        if (request.basedOnVersion() != note.currentVersion()) {
            throw ProblemException.conflict(
                    "stale-note-version",
                    "The note has moved on: version " + note.currentVersion() + " is current; reload and edit again");
        }
        if (!request.content().fits(note.kind())) {
            throw ProblemException.unprocessable(
                    "wrong-note-content",
                    switch (note.kind()) {
                        case GROUP -> "A group note has a group part and an attendee part only";
                        case DISCHARGE_SUMMARY -> "A discharge summary has a discharge part only";
                        default -> "An individual note has a progress note only";
                    });
        }
        NoteRules.requireObjectives(request.content(), plans.currentContent(note.planId()));
        // the assembled facts of a discharge summary are the record's, not the editor's
        NoteContent content = note.kind() == NoteKind.DISCHARGE_SUMMARY
                ? request.content().withFacts(note.content().discharge().facts())
                : request.content();
        store.appendVersion(noteId, new Note.Version(note.currentVersion() + 1, author, Instant.now(clock), content));
        return get(noteId);
    }

    /** Signs the author's draft: from now on it changes only by addenda. */
    @Transactional
    public Note sign(UUID noteId, String signer) {
        Note note = lockedDraft(noteId, signer);
        if (note.kind() == NoteKind.DISCHARGE_SUMMARY
                && !note.content().discharge().complete()) {
            throw ProblemException.unprocessable(
                    "summary-incomplete", "Complete the aftercare plan before signing the discharge summary");
        }
        signDraft(note, signer);
        return get(noteId);
    }

    /**
     * Signs a draft; signed by staff whose work needs co-signature, it waits for a supervisor as a
     * work item in the supervisors' queue.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void signDraft(Note note, String signer) {
        boolean cosign = cosignatures.requiredForCaller();
        store.setStatus(
                note.id(), cosign ? NoteStatus.PENDING_COSIGNATURE : NoteStatus.SIGNED, signer, Instant.now(clock));
        if (cosign) {
            cosignatures.notePending(note.clientId(), note.id());
        }
    }

    /** A supervisor co-signs a note waiting for it; 409 for any other note. */
    @Transactional
    public Note cosign(UUID noteId, String supervisor) {
        Note note = store.findForUpdate(noteId).orElseThrow(() -> ProblemException.notFound("Note"));
        if (note.status() != NoteStatus.PENDING_COSIGNATURE) {
            throw ProblemException.conflict("not-awaiting-cosignature", "The note is not waiting for a co-signature");
        }
        store.cosign(noteId, supervisor, Instant.now(clock));
        cosignatures.noteCosigned(noteId);
        return get(noteId);
    }

    /** Adds an addendum to a signed note (a draft is edited instead); the note stays as signed. */
    @Transactional
    public Note.Addendum addendum(UUID noteId, NoteRequests.NewAddendum request, String author) {
        Note note = store.findForUpdate(noteId).orElseThrow(() -> ProblemException.notFound("Note"));
        if (note.status() == NoteStatus.DRAFT) {
            throw ProblemException.conflict("note-is-draft", "A draft is edited, not amended: save a new version");
        }
        Note.Addendum addendum = new Note.Addendum(UUID.randomUUID(), author, Instant.now(clock), request.text());
        store.addAddendum(noteId, addendum);
        return addendum;
    }

    @Transactional(readOnly = true)
    public Note get(UUID noteId) {
        return store.find(noteId).orElseThrow(() -> ProblemException.notFound("Note"));
    }

    @Transactional(readOnly = true)
    public List<Note.Version> versions(UUID noteId) {
        get(noteId);
        return store.versions(noteId);
    }

    /** The client's notes, oldest first; 404 for a client who never had a plan. */
    @Transactional(readOnly = true)
    public List<Note> forClient(UUID clientId) {
        plans.forClient(clientId);
        return store.forClient(clientId);
    }

    private Note lockedDraft(UUID noteId, String caller) {
        Note note = store.findForUpdate(noteId).orElseThrow(() -> ProblemException.notFound("Note"));
        if (note.status() != NoteStatus.DRAFT) {
            throw ProblemException.conflict(
                    "note-signed", "The note is signed and cannot change: add an addendum instead");
        }
        if (!note.author().equals(caller)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "not-the-author",
                    "Not the author",
                    "Only the note's author edits and signs its draft");
        }
        return note;
    }
}
