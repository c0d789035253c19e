package org.iopcare.intake.staff;

import static org.iopcare.testsupport.WebSlices.problem;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.iopcare.intake.IntakeWebSlice;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.staff.StaffDirectory;
import org.iopcare.support.staff.StaffMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StaffWebTest extends IntakeWebSlice {

    @Autowired
    StaffDirectory directory;

    @Test
    void everyRoleReadsTheDirectoryByNameWithoutContactDetails() throws Exception {
        given(directory.all())
                .willReturn(List.of(
                        new StaffMember("clin-b", "bea Chen", List.of(StaffRole.CLINICIAN), "bea@clinic.example", null),
                        new StaffMember("clin-a", "Ana Diaz", List.of(StaffRole.CLINICIAN), null, "+16175550100")));

        mvc.perform(as(StaffRole.PRIVACY_OFFICER, get("/api/staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("clin-a"))
                .andExpect(jsonPath("$[1].displayName").value("bea Chen"))
                .andExpect(jsonPath("$[1].email").doesNotExist())
                .andExpect(jsonPath("$[0].phone").doesNotExist());
    }

    @Test
    void theDirectoryNeedsAStaffToken() throws Exception {
        mvc.perform(get("/api/staff")).andExpect(problem(401));
    }
}
