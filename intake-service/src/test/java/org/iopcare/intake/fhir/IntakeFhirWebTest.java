package org.iopcare.intake.fhir;

import static org.iopcare.testsupport.WebSlices.problem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.iopcare.intake.IntakeWebSlice;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The FHIR read API's statuses; what the resources hold is for the ITs, which have the data. */
class IntakeFhirWebTest extends IntakeWebSlice {

    static String smart(StaffRole role) {
        return TestTokens.smartBearerFor("staff-" + role, "user/*.read", role);
    }

    @Test
    void theCapabilityStatementNeedsAStaffToken() throws Exception {
        mvc.perform(get("/fhir/metadata").header(HttpHeaders.AUTHORIZATION, smart(StaffRole.SCHEDULER)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("CapabilityStatement")));
        mvc.perform(get("/fhir/metadata")).andExpect(problem(401));
    }

    @Test
    void aReadOfAnIdThatIsNoneOfOursIs404AndASearchWithoutItsPatientA400() throws Exception {
        mvc.perform(get("/fhir/Patient/{id}", "not-an-id")
                        .header(HttpHeaders.AUTHORIZATION, smart(StaffRole.CLINICIAN)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get("/fhir/Observation/{id}", UUID.randomUUID() + "-bmi")
                        .header(HttpHeaders.AUTHORIZATION, smart(StaffRole.CLINICIAN)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get("/fhir/EpisodeOfCare").header(HttpHeaders.AUTHORIZATION, smart(StaffRole.CLINICIAN)))
                .andExpect(problem(400, "invalid-search"));
    }

    @Test
    void aRoleOrATokenWithoutTheScopeIsA403() throws Exception {
        String patient = "Patient/" + UUID.randomUUID();
        mvc.perform(get("/fhir/QuestionnaireResponse")
                        .param("patient", patient)
                        .header(HttpHeaders.AUTHORIZATION, smart(StaffRole.INTAKE_COORDINATOR)))
                .andExpect(problem(403));
        mvc.perform(get("/fhir/Consent")
                        .param("patient", patient)
                        .header(
                                HttpHeaders.AUTHORIZATION,
                                TestTokens.smartBearerFor("clin", "user/Observation.read", StaffRole.CLINICIAN)))
                .andExpect(problem(403))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Consent")));
        mvc.perform(get("/fhir/Consent").param("patient", patient)).andExpect(problem(401));
    }
}
