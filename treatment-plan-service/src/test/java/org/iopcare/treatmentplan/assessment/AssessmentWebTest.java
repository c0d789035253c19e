package org.iopcare.treatmentplan.assessment;

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

class AssessmentWebTest extends TreatmentPlanWebSlice {

    static final String GAD7 = "{\"instrument\":\"GAD7\",\"answers\":[1,1,1,1,1,1,1]}";

    @Autowired
    Assessments assessments;

    @Test
    void anAssessmentIsA201ScoredAgainstTheOpenPlan() throws Exception {
        UUID client = UUID.randomUUID();
        Assessment assessment = mock(Assessment.class);
        given(assessment.total()).willReturn(7);
        given(assessments.record(eq(client), any(), eq("staff-CLINICIAN"))).willReturn(assessment);

        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/clients/{id}/assessments", client), GAD7)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/clients/" + client + "/assessments"))
                .andExpect(jsonPath("$.total").value(7));
    }

    @Test
    void answersOutOfRangeAreA400AndTheWrongCountForTheInstrumentA422() throws Exception {
        UUID client = UUID.randomUUID();
        given(assessments.record(eq(client), any(), any()))
                .willThrow(ProblemException.unprocessable("answer-count", "GAD-7 has 7 answers"));

        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(post("/api/clients/{id}/assessments", client), "{\"answers\":[4,0,0,0,0,0,0]}")))
                .andExpect(invalidField("instrument"))
                .andExpect(invalidField("answers[0]"));
        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(
                                post("/api/clients/{id}/assessments", client),
                                "{\"instrument\":\"GAD7\",\"answers\":[0,0,0,0,0,0,0,0,0]}")))
                .andExpect(problem(422, "answer-count"));
    }

    @Test
    void aClientWithoutAnOpenPlanOrOutsideTheCaseloadIs404() throws Exception {
        UUID client = UUID.randomUUID();
        willThrow(ProblemException.notFound("Open plan for client"))
                .given(caseload)
                .requireClient(eq(client), any());

        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/clients/{id}/assessments", client), GAD7)))
                .andExpect(problem(404, "not-found"));
        verifyNoInteractions(assessments);
    }

    @Test
    void assessmentsAreForClinicalStaffOnly() throws Exception {
        UUID client = UUID.randomUUID();
        mvc.perform(as(StaffRole.PROGRAM_ADMIN, get("/api/clients/{id}/assessments", client)))
                .andExpect(problem(403));
        mvc.perform(as(StaffRole.SCHEDULER, json(post("/api/clients/{id}/assessments", client), "{}")))
                .andExpect(problem(403));
        mvc.perform(get("/api/clients/{id}/assessments", client)).andExpect(problem(401));
        verifyNoInteractions(assessments);
    }

    @Test
    void theHistoryListsTheAssessmentsAndTheGoalTrends() throws Exception {
        UUID client = UUID.randomUUID();
        given(assessments.history(client)).willReturn(new AssessmentHistory(List.of(), List.of()));

        mvc.perform(as(StaffRole.CLINICAL_SUPERVISOR, get("/api/clients/{id}/assessments", client)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assessments").isArray())
                .andExpect(jsonPath("$.goals").isArray());
    }
}
