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

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.iopcare.treatmentplan.TreatmentPlanWebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Plans and their versions, activation and the reviews falling due. */
class PlanWebTest extends TreatmentPlanWebSlice {

    @Autowired
    TreatmentPlans plans;

    @Autowired
    ReviewSchedule reviews;

    static PlanVersion version(int number) {
        PlanVersion version = mock(PlanVersion.class);
        given(version.number()).willReturn(number);
        return version;
    }

    @Test
    void theClientsPlanReadsAs200AndIs404WithoutOne() throws Exception {
        UUID client = UUID.randomUUID();
        PlanView view = mock(PlanView.class);
        given(view.clientId()).willReturn(client);
        given(plans.viewForClient(client)).willReturn(view);
        UUID none = UUID.randomUUID();
        given(plans.viewForClient(none)).willThrow(ProblemException.notFound("Plan for client"));

        mvc.perform(as(StaffRole.CLINICIAN, get("/api/clients/{id}/plan", client)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clientId").value(client.toString()));
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/clients/{id}/plan", none)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(as(StaffRole.PROGRAM_ADMIN, get("/api/clients/{id}/plan", client)))
                .andExpect(problem(403));
        mvc.perform(get("/api/clients/{id}/plan", client)).andExpect(problem(401));
    }

    @Test
    void aVersionIsA201AtItsNumberAndOneBasedOnAnOlderVersionA409() throws Exception {
        UUID plan = UUID.randomUUID();
        PlanVersion second = version(2);
        given(plans.writeVersion(eq(plan), any(), eq("staff-CLINICIAN"))).willReturn(second);
        UUID stale = UUID.randomUUID();
        given(plans.writeVersion(eq(stale), any(), any()))
                .willThrow(ProblemException.conflict("stale-version", "The plan has a newer version"));

        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(post("/api/plans/{id}/versions", plan), PlanVersionIT.version(1, "Goals set", 10))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/plans/" + plan + "/versions/2"));
        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(post("/api/plans/{id}/versions", stale), PlanVersionIT.version(0, "Late", 10))))
                .andExpect(problem(409, "stale-version"));
    }

    @Test
    void aVersionWithoutItsReasonOrWithAnImpossibleTargetIsA400NamingTheField() throws Exception {
        UUID plan = UUID.randomUUID();
        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(post("/api/plans/{id}/versions", plan), PlanVersionIT.version(-1, "", 10))))
                .andExpect(invalidField("basedOnVersion"))
                .andExpect(invalidField("reason"));
        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(post("/api/plans/{id}/versions", plan), "{\"basedOnVersion\":1,\"reason\":\"r\"}")))
                .andExpect(invalidField("content"));
        verifyNoInteractions(plans);
    }

    @Test
    void aPlanOutsideTheCaseloadIs404WhateverIsAsked() throws Exception {
        UUID plan = UUID.randomUUID();
        willThrow(ProblemException.notFound("Plan")).given(caseload).requirePlan(plan);

        mvc.perform(as(StaffRole.CLINICIAN, get("/api/plans/{id}/versions", plan)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/plans/{id}/versions/{n}", plan, 1)))
                .andExpect(problem(404, "not-found"));
        verifyNoInteractions(plans);
    }

    @Test
    void theVersionsSayWhichAwaitACoSignatureAndOnlySupervisorsCoSign() throws Exception {
        UUID plan = UUID.randomUUID();
        List<PlanVersion> versions = List.of(version(1), version(2));
        given(plans.versions(plan)).willReturn(versions);
        given(plans.awaitingCosignature(plan)).willReturn(Set.of(2));
        given(plans.cosignVersion(plan, 2, "staff-CLINICAL_SUPERVISOR")).willReturn(versions.get(1));

        mvc.perform(as(StaffRole.CLINICIAN, get("/api/plans/{id}/versions", plan)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].awaitingCosignature").value(false))
                .andExpect(jsonPath("$[1].awaitingCosignature").value(true));
        mvc.perform(as(StaffRole.CLINICIAN, post("/api/plans/{id}/versions/{n}/cosign", plan, 2)))
                .andExpect(problem(403));
        mvc.perform(as(StaffRole.CLINICAL_SUPERVISOR, post("/api/plans/{id}/versions/{n}/cosign", plan, 2)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(2));
        mvc.perform(as(StaffRole.CLINICAL_SUPERVISOR, post("/api/plans/{id}/versions/{n}/cosign", plan, "two")))
                .andExpect(invalidField("number"));
    }

    @Test
    void activationNeedsTheClientsAcknowledgementAndAnUnsignedVersionIsA409() throws Exception {
        UUID plan = UUID.randomUUID();
        given(plans.activate(eq(plan), any()))
                .willThrow(ProblemException.conflict("awaiting-cosignature", "The version awaits a co-signature"));

        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/plans/{id}/activate", plan), "{\"version\":0}")))
                .andExpect(invalidField("version"))
                .andExpect(invalidField("acknowledgedAt"))
                .andExpect(invalidField("acknowledgementMethod"));
        mvc.perform(
                        as(
                                StaffRole.CLINICIAN,
                                json(
                                        post("/api/plans/{id}/activate", plan),
                                        "{\"version\":1,\"acknowledgedAt\":\"2026-12-07T10:00:00Z\",\"acknowledgementMethod\":\"SIGNED_IN_PERSON\"}")))
                .andExpect(problem(409, "awaiting-cosignature"));
    }

    @Test
    void theReviewsDueAreListedForClinicalStaff() throws Exception {
        given(reviews.today()).willReturn(LocalDate.parse("2026-12-07"));
        given(plans.reviewsDue(any())).willReturn(List.of());
        given(caseload.disclose(any(), any())).willAnswer(call -> call.getArgument(0));

        mvc.perform(as(StaffRole.CLINICAL_SUPERVISOR, get("/api/plans/reviews-due")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
        mvc.perform(as(StaffRole.SCHEDULER, get("/api/plans/reviews-due"))).andExpect(problem(403));
    }
}
