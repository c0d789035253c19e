package org.iopcare.treatmentplan.note;

import static org.iopcare.testsupport.WebSlices.invalidField;
import static org.iopcare.testsupport.WebSlices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.iopcare.treatmentplan.TreatmentPlanWebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** New notes: a progress note for one client, a group note for a group's present attendees. */
class NoteWritingWebTest extends TreatmentPlanWebSlice {

    static final String PROGRESS = """
            {"sessionId": "%s", "progress": {"format": "BIRP", "behavior": "b", "intervention": "i", "response": "r",
             "plan": "p", "objectives": [], "riskCheck": "NO_RISK_IDENTIFIED"}}
            """;

    static final String GROUP = """
            {"group": {"topic": "Coping skills", "modality": "GROUP_THERAPY", "interventions": ["Check-in"]},
             "attendees": [{"sessionId": "%s", "part": {"participation": "MINIMAL", "progress": "NO_CHANGE",
                            "riskCheck": "NO_RISK_IDENTIFIED"}}]}
            """;

    @Autowired
    ProgressNotes progressNotes;

    @Autowired
    GroupNotes groupNotes;

    @Test
    void aProgressNoteIsA201AtItsOwnLocation() throws Exception {
        UUID client = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        Note note = mock(Note.class);
        given(note.id()).willReturn(id);
        given(progressNotes.create(eq(client), any(), eq("staff-CLINICIAN"))).willReturn(note);

        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(post("/api/clients/{id}/notes", client), PROGRESS.formatted(UUID.randomUUID()))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/notes/" + id));
    }

    @Test
    void aProgressNoteWithoutItsSessionIsA400AndForASessionNotTheClientsA422() throws Exception {
        UUID client = UUID.randomUUID();
        given(progressNotes.create(eq(client), any(), any()))
                .willThrow(
                        ProblemException.unprocessable("not-the-clients-session", "The session is another client's"));

        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/clients/{id}/notes", client), "{\"progress\":null}")))
                .andExpect(invalidField("sessionId"))
                .andExpect(invalidField("progress"));
        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(post("/api/clients/{id}/notes", client), PROGRESS.formatted(UUID.randomUUID()))))
                .andExpect(problem(422, "not-the-clients-session"));
    }

    @Test
    void aProgressNoteForAClientWithoutAnOpenPlanIs404AndForOtherRoles403() throws Exception {
        UUID client = UUID.randomUUID();
        willThrow(ProblemException.notFound("Open plan for client"))
                .given(caseload)
                .requireClient(eq(client), any());

        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(post("/api/clients/{id}/notes", client), PROGRESS.formatted(UUID.randomUUID()))))
                .andExpect(problem(404, "not-found"));
        mvc.perform(as(StaffRole.SCHEDULER, json(post("/api/clients/{id}/notes", client), "{}")))
                .andExpect(problem(403));
        verifyNoInteractions(progressNotes);
    }

    @Test
    void aGroupNoteIsA201AndSigningItTwiceA409() throws Exception {
        UUID id = UUID.randomUUID();
        given(groupNotes.create(any(), eq("staff-CLINICIAN")))
                .willReturn(new GroupNoteView(id, NOW, "staff-CLINICIAN", NOW, null, List.of()));
        given(groupNotes.sign(id, "staff-CLINICIAN"))
                .willThrow(ProblemException.conflict("already-signed", "The group's notes are signed"));

        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/group-notes"), GROUP.formatted(UUID.randomUUID()))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/group-notes/" + id))
                .andExpect(jsonPath("$.id").value(id.toString()));
        mvc.perform(as(StaffRole.CLINICIAN, post("/api/group-notes/{id}/sign", id)))
                .andExpect(problem(409, "already-signed"));
    }

    @Test
    void aGroupNoteWithoutAttendeesIsA400AndForOtherRoles403() throws Exception {
        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(
                                post("/api/group-notes"),
                                GROUP.formatted(UUID.randomUUID())
                                        .replace("\"topic\": \"Coping skills\"", "\"topic\": \"\""))))
                .andExpect(invalidField("group.topic"));
        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/group-notes"), "{\"group\":null,\"attendees\":[]}")))
                .andExpect(invalidField("attendees"));
        mvc.perform(as(StaffRole.PROGRAM_ADMIN, post("/api/group-notes/{id}/sign", UUID.randomUUID())))
                .andExpect(problem(403));
        mvc.perform(post("/api/group-notes/{id}/sign", UUID.randomUUID())).andExpect(problem(401));
        verifyNoInteractions(groupNotes);
    }
}
