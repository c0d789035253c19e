package org.iopcare.treatmentplan.note;

import static org.iopcare.testsupport.WebSlices.invalidField;
import static org.iopcare.testsupport.WebSlices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.iopcare.treatmentplan.TreatmentPlanWebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A client's notes: reading, editing, signing, co-signing and addenda. */
class NoteWebTest extends TreatmentPlanWebSlice {

    static final String EDIT = """
            {"basedOnVersion": 1, "content": {
              "progress": {"format": "DAP", "data": "d", "assessment": "a", "plan": "p", "objectives": [],
                           "riskCheck": "NO_RISK_IDENTIFIED"}}}
            """;

    @Autowired
    ClinicalNotes notes;

    @Autowired
    NoteStore store;

    UUID noteOfAClient() {
        UUID note = UUID.randomUUID();
        given(store.clientOf(note)).willReturn(Optional.of(UUID.randomUUID()));
        return note;
    }

    static Note note(UUID id) {
        Note note = mock(Note.class);
        given(note.id()).willReturn(id);
        given(note.currentVersion()).willReturn(2);
        return note;
    }

    @Test
    void aNoteReadsAs200AndAnUnknownNoteOrOneOutsideTheCaseloadAs404() throws Exception {
        UUID id = noteOfAClient();
        Note note = note(id);
        given(notes.get(id)).willReturn(note);
        UUID hidden = UUID.randomUUID();
        UUID hiddenClient = UUID.randomUUID();
        given(store.clientOf(hidden)).willReturn(Optional.of(hiddenClient));
        willThrow(ProblemException.notFound("Note")).given(caseload).requireClient(eq(hiddenClient), any());

        mvc.perform(as(StaffRole.CLINICIAN, get("/api/notes/{id}", id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id.toString()));
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/notes/{id}", UUID.randomUUID())))
                .andExpect(problem(404, "not-found"));
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/notes/{id}/versions", hidden)))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void notesAreForClinicalStaffOnlyAndCoSigningForSupervisors() throws Exception {
        UUID id = noteOfAClient();
        mvc.perform(as(StaffRole.PROGRAM_ADMIN, get("/api/clients/{id}/notes", UUID.randomUUID())))
                .andExpect(problem(403));
        mvc.perform(as(StaffRole.CLINICIAN, post("/api/notes/{id}/cosign", id))).andExpect(problem(403));
        mvc.perform(get("/api/notes/{id}", id)).andExpect(problem(401));
        verifyNoInteractions(notes);
    }

    @Test
    void anEditNeedsTheVersionItIsBasedOnAndAStaleOneIsA409() throws Exception {
        UUID id = noteOfAClient();
        given(notes.edit(eq(id), any(), eq("staff-CLINICIAN")))
                .willThrow(ProblemException.conflict("stale-version", "The note has a newer version"));

        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(
                                put("/api/notes/{id}", id),
                                EDIT.replace("\"basedOnVersion\": 1", "\"basedOnVersion\": 0"))))
                .andExpect(invalidField("basedOnVersion"));
        mvc.perform(as(StaffRole.CLINICIAN, json(put("/api/notes/{id}", id), EDIT.replace("\"d\"", "null"))))
                .andExpect(invalidField("content.progress.structured"));
        mvc.perform(as(StaffRole.CLINICIAN, json(put("/api/notes/{id}", id), EDIT)))
                .andExpect(problem(409, "stale-version"));
    }

    @Test
    void signingAnswersTheNoteAndSigningASignedNoteIsA409() throws Exception {
        UUID id = noteOfAClient();
        Note note = note(id);
        given(notes.sign(id, "staff-CLINICIAN")).willReturn(note);
        given(notes.cosign(id, "staff-CLINICAL_SUPERVISOR"))
                .willThrow(ProblemException.conflict("not-awaiting-cosignature", "The note needs no co-signature"));

        mvc.perform(as(StaffRole.CLINICIAN, post("/api/notes/{id}/sign", id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.currentVersion").value(2));
        mvc.perform(as(StaffRole.CLINICAL_SUPERVISOR, post("/api/notes/{id}/cosign", id)))
                .andExpect(problem(409, "not-awaiting-cosignature"));
    }

    @Test
    void anAddendumIsA201WithText() throws Exception {
        UUID id = noteOfAClient();
        given(notes.addendum(eq(id), any(), eq("staff-CLINICIAN")))
                .willReturn(new Note.Addendum(UUID.randomUUID(), "staff-CLINICIAN", NOW, "Corrected the date"));
        given(notes.forClient(any())).willReturn(List.of());

        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/notes/{id}/addenda", id), "{\"text\":\" \"}")))
                .andExpect(invalidField("text"));
        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(post("/api/notes/{id}/addenda", id), "{\"text\":\"Corrected the date\"}")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/notes/" + id))
                .andExpect(jsonPath("$.text").value("Corrected the date"));
        mvc.perform(as(StaffRole.CLINICAL_SUPERVISOR, get("/api/clients/{id}/notes", UUID.randomUUID())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
    }
}
