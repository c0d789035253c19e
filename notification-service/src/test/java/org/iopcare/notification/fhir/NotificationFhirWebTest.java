package org.iopcare.notification.fhir;

import static org.hamcrest.Matchers.containsString;
import static org.iopcare.testsupport.WebSlices.problem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.iopcare.notification.NotificationWebSlice;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The FHIR read API's statuses; what the resources hold is for the ITs, which have the data. */
class NotificationFhirWebTest extends NotificationWebSlice {

    static String smart(StaffRole role) {
        return TestTokens.smartBearerFor("staff-" + role, "user/*.read", role);
    }

    @Test
    void theCapabilityStatementNeedsAStaffToken() throws Exception {
        mvc.perform(get("/fhir/metadata").header(HttpHeaders.AUTHORIZATION, smart(StaffRole.SCHEDULER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("CapabilityStatement")));
        mvc.perform(get("/fhir/metadata")).andExpect(problem(401));
    }

    @Test
    void anIdThatIsNoneOfOursIs404AndASearchWithoutItsPatientA400() throws Exception {
        mvc.perform(get("/fhir/Communication/{id}", "not-an-id")
                        .header(HttpHeaders.AUTHORIZATION, smart(StaffRole.SCHEDULER)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get("/fhir/Communication").header(HttpHeaders.AUTHORIZATION, smart(StaffRole.SCHEDULER)))
                .andExpect(problem(400, "invalid-search"));
    }

    @Test
    void aRoleOrATokenWithoutTheScopeIsA403() throws Exception {
        String patient = "Patient/" + UUID.randomUUID();
        mvc.perform(get("/fhir/Communication")
                        .param("patient", patient)
                        .header(HttpHeaders.AUTHORIZATION, smart(StaffRole.PRIVACY_OFFICER)))
                .andExpect(problem(403));
        mvc.perform(get("/fhir/Communication")
                        .param("patient", patient)
                        .header(
                                HttpHeaders.AUTHORIZATION,
                                TestTokens.smartBearerFor("sched", "user/Observation.read", StaffRole.SCHEDULER)))
                .andExpect(problem(403));
    }
}
