package org.iopcare.scheduling.schedule;

import static org.iopcare.testsupport.WebSlices.invalidField;
import static org.iopcare.testsupport.WebSlices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.iopcare.scheduling.SchedulingWebSlice;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AvailabilityWebTest extends SchedulingWebSlice {

    static final String HOURS = "{\"weeklyHours\":[{\"day\":\"MONDAY\",\"start\":\"09:00\",\"end\":\"17:00\"}]}";

    @Autowired
    ClinicianAvailability availability;

    @Test
    void availabilityReadsAs200AndIsReplacedBySchedulersWithTheSessionsItBooked() throws Exception {
        ClinicianAvailability.View view =
                new ClinicianAvailability.View("clin-a", "America/New_York", List.of(), List.of());
        given(availability.view("clin-a")).willReturn(view);
        given(availability.replace(eq("clin-a"), any())).willReturn(new ClinicianAvailability.Saved(view, 2));

        mvc.perform(as(StaffRole.CLINICIAN, get("/api/clinicians/{id}/availability", "clin-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clinicianId").value("clin-a"));
        mvc.perform(as(StaffRole.SCHEDULER, json(put("/api/clinicians/{id}/availability", "clin-a"), HOURS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bookedSessions").value(2));
    }

    @Test
    void hoursWithoutTheirDayAreA400AndHoursThatDoNotFitA422() throws Exception {
        given(availability.replace(eq("clin-b"), any()))
                .willThrow(ProblemException.unprocessable("bad-hours", "end must follow start"));

        mvc.perform(as(
                        StaffRole.SCHEDULER,
                        json(
                                put("/api/clinicians/{id}/availability", "clin-b"),
                                "{\"weeklyHours\":[{\"start\":\"09:00\"}]}")))
                .andExpect(invalidField("weeklyHours[0].day"))
                .andExpect(invalidField("weeklyHours[0].end"));
        mvc.perform(as(StaffRole.SCHEDULER, json(put("/api/clinicians/{id}/availability", "clin-b"), HOURS)))
                .andExpect(problem(422, "bad-hours"));
    }

    @Test
    void onlySchedulersAndAdminsSetHours() throws Exception {
        mvc.perform(as(StaffRole.CLINICIAN, json(put("/api/clinicians/{id}/availability", "clin-c"), HOURS)))
                .andExpect(problem(403));
        mvc.perform(get("/api/clinicians/{id}/availability", "clin-c")).andExpect(problem(401));
        mvc.perform(as(StaffRole.PRIVACY_OFFICER, get("/api/clinicians/{id}/availability", "clin-c")))
                .andExpect(problem(403));
        verifyNoInteractions(availability);
    }
}
