package org.iopcare.intake.client;

import static org.iopcare.testsupport.WebSlices.invalidField;
import static org.iopcare.testsupport.WebSlices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.iopcare.intake.IntakeWebSlice;
import org.iopcare.support.security.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;

class ClientSearchWebTest extends IntakeWebSlice {

    @Autowired
    ClientSearch search;

    @Test
    void aSearchAnswersAPageOfClientsWithTheTrackInUpperCase() throws Exception {
        UUID id = UUID.randomUUID();
        given(search.find(any(), eq("IOP-ADULT-AM"), isNull(), any(), anyInt(), anyInt()))
                .willReturn(new PageImpl<>(List.of(new ClientSummary(
                        id,
                        "Sam",
                        "Rivera",
                        null,
                        null,
                        null,
                        ClientSummary.Status.ENROLLED,
                        "IOP-ADULT-AM",
                        "clin-a"))));

        mvc.perform(as(StaffRole.CLINICIAN, get("/api/clients").param("track", "iop-adult-am")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(id.toString()))
                .andExpect(jsonPath("$.content[0].status").value("ENROLLED"));
    }

    @Test
    void aSearchWithoutCriteriaOrWithBadOnesIsA400NamingThem() throws Exception {
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/clients"))).andExpect(problem(400, "search-criteria-required"));
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/clients").param("q", "x".repeat(300))))
                .andExpect(invalidField("q"));
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/clients").param("clinician", "not a staff id!")))
                .andExpect(invalidField("clinician"));
        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        get("/api/clients").param("q", "sam").param("size", "101")))
                .andExpect(invalidField("size"));
        verifyNoInteractions(search);
    }

    @Test
    void searchingNeedsAStaffTokenAndAClientReadersRole() throws Exception {
        mvc.perform(get("/api/clients").param("q", "sam")).andExpect(problem(401));
        mvc.perform(as(StaffRole.PRIVACY_OFFICER, get("/api/clients").param("q", "sam")))
                .andExpect(problem(403));
        verifyNoInteractions(search);
    }
}
