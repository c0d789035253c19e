package org.iopcare.treatmentplan.plan;

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

class PlanReviewWebTest extends TreatmentPlanWebSlice {

    static final String REVIEW = "{\"participants\":[\"clin-a\"],\"outcome\":\"KEEP\",\"note\":\"On track\"}";

    @Autowired
    PlanReviews reviews;

    @Test
    void aReviewIsA201AndTheReviewsAreListed() throws Exception {
        UUID plan = UUID.randomUUID();
        given(reviews.record(eq(plan), any(), eq("staff-CLINICIAN"))).willReturn(mock(PlanReview.class));
        given(reviews.all(plan)).willReturn(List.of());

        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/plans/{id}/reviews", plan), REVIEW)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/plans/" + plan + "/reviews"));
        mvc.perform(as(StaffRole.CLINICAL_SUPERVISOR, get("/api/plans/{id}/reviews", plan)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void aReviewWithoutParticipantsOrOutcomeIsA400AndOfADraftPlanA409() throws Exception {
        UUID plan = UUID.randomUUID();
        given(reviews.record(eq(plan), any(), any()))
                .willThrow(ProblemException.conflict("plan-not-active", "Only an active plan is reviewed"));

        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(post("/api/plans/{id}/reviews", plan), "{\"participants\":[],\"note\":\"n\"}")))
                .andExpect(invalidField("participants"))
                .andExpect(invalidField("outcome"));
        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(post("/api/plans/{id}/reviews", plan), REVIEW.replace("KEEP", "MAYBE"))))
                .andExpect(problem(400));
        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/plans/{id}/reviews", plan), REVIEW)))
                .andExpect(problem(409, "plan-not-active"));
    }

    @Test
    void aPlanOutsideTheCaseloadIs404AndOtherRolesAre403() throws Exception {
        UUID plan = UUID.randomUUID();
        willThrow(ProblemException.notFound("Plan")).given(caseload).requirePlan(plan);

        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/plans/{id}/reviews", plan), REVIEW)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(as(StaffRole.PRIVACY_OFFICER, get("/api/plans/{id}/reviews", plan)))
                .andExpect(problem(403));
        mvc.perform(get("/api/plans/{id}/reviews", plan)).andExpect(problem(401));
        verifyNoInteractions(reviews);
    }
}
