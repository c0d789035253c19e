package org.iopcare.intake.careteam;

import static org.iopcare.testsupport.WebSlices.invalidField;
import static org.iopcare.testsupport.WebSlices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iopcare.intake.IntakeWebSlice;
import org.iopcare.support.audit.AuditedClients;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CareTeamWebTest extends IntakeWebSlice {

    static final String REASON = "{\"reason\":\"Client called in crisis; the primary clinician is away\"}";

    @Autowired
    CareTeams teams;

    @Autowired
    AuditedClients audit;

    @Test
    void theTeamReadsAs200AndAClientOutsideTheCaseloadAs404() throws Exception {
        UUID client = UUID.randomUUID();
        given(teams.view(client)).willReturn(new CareTeamView(client, "clin-a", List.of()));
        UUID hidden = UUID.randomUUID();
        willThrow(ProblemException.notFound("Client")).given(caseload).require(eq(hidden), any(), any());

        mvc.perform(as(StaffRole.SCHEDULER, get("/api/clients/{id}/care-team", client)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.primaryClinicianId").value("clin-a"));
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/clients/{id}/care-team", hidden)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get("/api/clients/{id}/care-team", client)).andExpect(problem(401));
        mvc.perform(as(StaffRole.PRIVACY_OFFICER, get("/api/clients/{id}/care-team", client)))
                .andExpect(problem(403));
    }

    @Test
    void replacingTheTeamIsForCoordinatorsAndAdminsWithValidStaffIds() throws Exception {
        UUID client = UUID.randomUUID();
        given(teams.replace(eq(client), any(), eq("staff-PROGRAM_ADMIN")))
                .willReturn(new CareTeamView(client, "clin-b", List.of()));

        mvc.perform(as(StaffRole.CLINICIAN, json(put("/api/clients/{id}/care-team", client), "{}")))
                .andExpect(problem(403));
        mvc.perform(as(
                        StaffRole.PROGRAM_ADMIN,
                        json(
                                put("/api/clients/{id}/care-team", client),
                                "{\"primaryClinicianId\":\"clin b\",\"members\":[{\"role\":\"CASE_MANAGER\"}]}")))
                .andExpect(invalidField("primaryClinicianId"))
                .andExpect(invalidField("members[0].staffId"));
        mvc.perform(as(
                        StaffRole.PROGRAM_ADMIN,
                        json(
                                put("/api/clients/{id}/care-team", client),
                                "{\"primaryClinicianId\":\"clin-b\",\"members\":[]}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.primaryClinicianId").value("clin-b"));
    }

    @Test
    void emergencyAccessIsAClinicians201WithAReasonAndIsAudited() throws Exception {
        UUID client = UUID.randomUUID();
        UUID grant = UUID.randomUUID();
        given(teams.openEmergencyAccess(eq(client), any(), eq("staff-CLINICIAN")))
                .willReturn(new EmergencyAccessView(
                        grant, client, "staff-CLINICIAN", "reason", NOW, NOW.plus(Duration.ofHours(4))));

        mvc.perform(as(StaffRole.CLINICAL_SUPERVISOR, json(post("/api/clients/{id}/emergency-access", client), REASON)))
                .andExpect(problem(403));
        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(post("/api/clients/{id}/emergency-access", client), "{\"reason\":\"x\"}")))
                .andExpect(invalidField("reason"));
        verify(teams, never()).openEmergencyAccess(any(), any(), any());

        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/clients/{id}/emergency-access", client), REASON)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.grantId").value(grant.toString()));
        verify(audit).disclosedInEmergency(client, grant);
    }

    @Test
    void emergencyAccessToAClientAlreadyOpenIsA409() throws Exception {
        UUID client = UUID.randomUUID();
        given(teams.openEmergencyAccess(eq(client), any(), any()))
                .willThrow(ProblemException.conflict("already-on-team", "The record is already open to you"));

        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/clients/{id}/emergency-access", client), REASON)))
                .andExpect(problem(409, "already-on-team"));
    }

    @Test
    void theGrantsReviewTakesAPeriodAndRefusesAnEmptyOneWith422() throws Exception {
        given(caseload.disclose(any(), any(), any())).willAnswer(call -> call.getArgument(0));
        given(teams.grants(any(), any(), anyInt(), anyInt())).willReturn(List.of());

        mvc.perform(as(StaffRole.PRIVACY_OFFICER, get("/api/emergency-access")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray());
        verify(teams).grants(Instant.parse("2026-11-08T00:00:00Z"), Instant.parse("2026-12-08T00:00:00Z"), 0, 50);
        mvc.perform(as(
                        StaffRole.CLINICAL_SUPERVISOR,
                        get("/api/emergency-access").param("from", "2026-12-01").param("to", "2026-12-01")))
                .andExpect(problem(422, "bad-range"));
        mvc.perform(as(
                        StaffRole.CLINICAL_SUPERVISOR,
                        get("/api/emergency-access").param("from", "yesterday")))
                .andExpect(invalidField("from"));
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/emergency-access"))).andExpect(problem(403));
    }
}
