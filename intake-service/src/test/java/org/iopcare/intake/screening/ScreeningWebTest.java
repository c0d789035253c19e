package org.iopcare.intake.screening;

import static org.iopcare.testsupport.WebSlices.invalidField;
import static org.iopcare.testsupport.WebSlices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.iopcare.events.LevelOfCare;
import org.iopcare.intake.IntakeWebSlice;
import org.iopcare.intake.inquiry.Inquiry;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ScreeningWebTest extends IntakeWebSlice {

    static final String SCREENING = """
            {"ratings":{"withdrawal":1,"biomedical":0,"emotional":2,"readiness":1,"relapse":2,"environment":1},
             "phq9":[1,1,1,1,1,1,1,1,0],"gad7":[1,1,1,1,1,1,0],"currentCare":"NONE","recentRelapse":false,
             "coOccurringDisorders":false,
             "safety":{"suicidalIntent":false,"recentSuicideAttempt":false,"homicidalIdeation":false}}
            """;

    @Autowired
    Screenings screenings;

    static Screening screening(UUID id) {
        ScreeningRequest request = new ScreeningRequest(
                new ScreeningRequest.Ratings(1, 0, 2, 1, 2, 1),
                List.of(1, 1, 1, 1, 1, 1, 1, 1, 0),
                List.of(1, 1, 1, 1, 1, 1, 0),
                CurrentCare.NONE,
                false,
                false,
                new ScreeningRequest.Safety(false, false, false));
        return new Screening(
                id,
                UUID.randomUUID(),
                UUID.randomUUID(),
                request,
                ScreeningFacts.of(request),
                new Recommendation(LevelOfCare.IOP, List.of("MODERATE_RISK"), false),
                "staff-CLINICIAN",
                NOW);
    }

    @Test
    void aClinicianRecordsAScreening201WithItsLocation() throws Exception {
        UUID inquiry = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        given(inquiries.get(inquiry)).willReturn(mock(Inquiry.class));
        given(screenings.record(eq(inquiry), any(), eq("staff-CLINICIAN"))).willReturn(screening(id));

        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/inquiries/{id}/screenings", inquiry), SCREENING)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/screenings/" + id))
                .andExpect(jsonPath("$.recommendedLevel").value("IOP"))
                .andExpect(jsonPath("$.phq9Score").value(8));
    }

    @Test
    void aScreeningOutOfRangeIsA400NamingTheFieldAndAnInquiryNotScreenableA409() throws Exception {
        UUID inquiry = UUID.randomUUID();
        given(inquiries.get(inquiry)).willReturn(mock(Inquiry.class));

        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(
                                post("/api/inquiries/{id}/screenings", inquiry),
                                SCREENING.replace("\"withdrawal\":1", "\"withdrawal\":9"))))
                .andExpect(invalidField("ratings.withdrawal"));
        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(
                                post("/api/inquiries/{id}/screenings", inquiry),
                                SCREENING.replace("[1,1,1,1,1,1,0]", "[1]"))))
                .andExpect(invalidField("gad7"));
        verify(screenings, never()).record(any(), any(), any());

        given(screenings.record(eq(inquiry), any(), any()))
                .willThrow(ProblemException.conflict("not-screenable", "Only a CONTACTED inquiry can be screened"));
        mvc.perform(as(StaffRole.CLINICAL_SUPERVISOR, json(post("/api/inquiries/{id}/screenings", inquiry), SCREENING)))
                .andExpect(problem(409, "not-screenable"));
    }

    @Test
    void onlyClinicalStaffScreenAndOverrideWhateverTheBody() throws Exception {
        UUID id = UUID.randomUUID();
        mvc.perform(json(post("/api/inquiries/{id}/screenings", id), SCREENING)).andExpect(problem(401));
        mvc.perform(as(StaffRole.INTAKE_COORDINATOR, json(post("/api/inquiries/{id}/screenings", id), "{}")))
                .andExpect(problem(403));
        mvc.perform(as(StaffRole.PROGRAM_ADMIN, json(post("/api/screenings/{id}/override", id), "{}")))
                .andExpect(problem(403));
        mvc.perform(as(StaffRole.SCHEDULER, get("/api/screenings/{id}", id))).andExpect(problem(403));
        verify(screenings, never()).get(any());
    }

    @Test
    void aCoordinatorReadsTheResultsOnlyAndAnUnknownScreeningIs404() throws Exception {
        UUID id = UUID.randomUUID();
        given(screenings.get(id)).willReturn(screening(id));
        UUID unknown = UUID.randomUUID();
        given(screenings.get(unknown)).willThrow(ProblemException.notFound("Screening"));

        mvc.perform(as(StaffRole.CLINICIAN, get("/api/screenings/{id}", id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phq9[0]").value(1));
        mvc.perform(as(StaffRole.INTAKE_COORDINATOR, get("/api/screenings/{id}", id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decidedLevel").value("IOP"))
                .andExpect(jsonPath("$.phq9").doesNotExist());
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/screenings/{id}", unknown)))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void anOverrideNeedsALevelAndAReasonOfTenCharacters() throws Exception {
        UUID id = UUID.randomUUID();
        given(screenings.get(id)).willReturn(screening(id));
        given(screenings.override(eq(id), any(), eq("staff-CLINICIAN"))).willReturn(screening(id));

        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(post("/api/screenings/{id}/override", id), "{\"level\":\"PHP\",\"reason\":\"short\"}")))
                .andExpect(invalidField("reason"));
        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(
                                post("/api/screenings/{id}/override", id),
                                "{\"level\":\"PHP\",\"reason\":\"Lives alone, no support nearby\"}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id.toString()));
    }
}
