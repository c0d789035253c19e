package org.iopcare.treatmentplan.note;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.iopcare.support.web.ProblemException;
import org.iopcare.treatmentplan.plan.TreatmentPlans;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress notes of individual sessions and check-ins, in DAP or BIRP structure, each objective
 * worked on rated; drafts, signing and addenda as for every note.
 */
@Service
public class ProgressNotes {

    private final ClientSessions sessions;
    private final ClinicalNotes notes;
    private final TreatmentPlans plans;
    private final Clock clock;

    ProgressNotes(ClientSessions sessions, ClinicalNotes notes, TreatmentPlans plans, Clock clock) {
        this.sessions = sessions;
        this.notes = notes;
        this.plans = plans;
        this.clock = clock;
    }

    /**
     * A draft progress note for the client's attended individual session or check-in; 404 when the
     * session is not the client's, 422 for a group session or one not attended.
     */
    @Transactional
    public Note create(UUID clientId, NoteRequests.NewProgressNote request, String author) {
        // a client without an open plan first: the answer a client outside the caseload gets
        plans.openForClient(clientId);
        ClientSessions.Session session = sessions.find(request.sessionId(), Instant.now(clock))
                .filter(s -> s.clientId().equals(clientId))
                .orElseThrow(() -> ProblemException.notFound("Session"));
        NoteRules.requireAttended(session, false);
        Note note = notes.createDraft(session, null, new NoteContent(null, null, request.progress(), null), author);
        return notes.get(note.id());
    }
}
