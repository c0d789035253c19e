package org.iopcare.scheduling.attendance;

import static org.hamcrest.Matchers.containsString;
import static org.iopcare.testsupport.WebSlices.invalidField;
import static org.iopcare.testsupport.WebSlices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.scheduling.SchedulingWebSlice;
import org.iopcare.support.security.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AttendanceWebTest extends SchedulingWebSlice {

    @Autowired
    AttendanceRecorder recorder;

    @Autowired
    AttendanceViews views;

    @Test
    void aGroupsAttendanceAnswersHowManySessionsChanged() throws Exception {
        UUID group = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        given(caseload.permits(eq(client), any())).willReturn(true);
        given(recorder.recordGroup(eq(group), anyList(), eq("staff-CLINICIAN"))).willReturn(1);

        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(
                                post("/api/group-sessions/{id}/attendance", group),
                                "{\"entries\":[{\"clientId\":\"%s\",\"attendance\":\"PRESENT\"}]}".formatted(client))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(1));
    }

    @Test
    void aBodyNamingAClientOutsideTheCaseloadIsRefusedWholeWith404() throws Exception {
        UUID group = UUID.randomUUID();
        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(
                                post("/api/group-sessions/{id}/attendance", group),
                                "{\"entries\":[{\"clientId\":\"%s\",\"attendance\":\"PRESENT\"}]}"
                                        .formatted(UUID.randomUUID()))))
                .andExpect(problem(404, "not-found"));
        verifyNoInteractions(recorder);
    }

    @Test
    void anEmptyOrOutOfRangeAttendanceIsA400NamingTheField() throws Exception {
        UUID group = UUID.randomUUID();
        mvc.perform(as(
                        StaffRole.SCHEDULER,
                        json(post("/api/group-sessions/{id}/attendance", group), "{\"entries\":[]}")))
                .andExpect(invalidField("entries"));
        mvc.perform(as(
                        StaffRole.SCHEDULER,
                        json(
                                post("/api/sessions/{id}/attendance", group),
                                "{\"attendance\":\"LATE\",\"lateMinutes\":601}")))
                .andExpect(invalidField("lateMinutes"));
        mvc.perform(as(
                        StaffRole.SCHEDULER,
                        json(post("/api/sessions/{id}/attendance", group), "{\"attendance\":\"NAPPING\"}")))
                .andExpect(problem(400));
        verifyNoInteractions(recorder);
    }

    @Test
    void aSessionsAttendanceIs200AndAnUnknownSession404() throws Exception {
        UUID session = UUID.randomUUID();
        given(views.clientOf(session)).willReturn(Optional.of(UUID.randomUUID()));
        given(recorder.recordSession(eq(session), eq(Attendance.ABSENT), any(), any(), eq("staff-PROGRAM_ADMIN")))
                .willReturn(true);

        mvc.perform(as(
                        StaffRole.PROGRAM_ADMIN,
                        json(post("/api/sessions/{id}/attendance", session), "{\"attendance\":\"ABSENT\"}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(1));
        mvc.perform(as(
                        StaffRole.PROGRAM_ADMIN,
                        json(post("/api/sessions/{id}/attendance", UUID.randomUUID()), "{\"attendance\":\"ABSENT\"}")))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void attendanceIsForClinicalAndSchedulingStaffOnly() throws Exception {
        UUID session = UUID.randomUUID();
        mvc.perform(json(post("/api/sessions/{id}/attendance", session), "{\"attendance\":\"ABSENT\"}"))
                .andExpect(problem(401));
        mvc.perform(as(StaffRole.INTAKE_COORDINATOR, json(post("/api/sessions/{id}/attendance", session), "{}")))
                .andExpect(problem(403));
        mvc.perform(as(StaffRole.PRIVACY_OFFICER, get("/api/group-sessions").param("date", "2026-12-07")))
                .andExpect(problem(403));
        verify(views, never()).clientOf(any());
    }

    @Test
    void theDaysGroupsNeedADateAndListTheirRosters() throws Exception {
        UUID group = UUID.randomUUID();
        given(views.groups(eq(LocalDate.parse("2026-12-07")), any(), any()))
                .willReturn(List.of(new AttendanceViews.GroupView(
                        group, "MH-IOP-AM", LocalDate.parse("2026-12-07"), NOW, NOW, "SCHEDULED", 12, List.of())));

        mvc.perform(as(StaffRole.SCHEDULER, get("/api/group-sessions").param("date", "2026-12-07")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(group.toString()));
        mvc.perform(as(StaffRole.SCHEDULER, get("/api/group-sessions")))
                .andExpect(problem(400))
                .andExpect(jsonPath("$.detail", containsString("'date'")));
        mvc.perform(as(StaffRole.SCHEDULER, get("/api/group-sessions").param("date", "07/12/2026")))
                .andExpect(invalidField("date"));
    }

    @Test
    void theSummaryComparesEachWeekWithTheMinimumAndRefusesABackwardPeriod() throws Exception {
        UUID client = UUID.randomUUID();
        given(views.ageGroup(client)).willReturn(Optional.of("ADULT"));
        given(views.weeks(eq(client), any(), any(), any()))
                .willReturn(List.of(new AttendanceViews.Week(LocalDate.parse("2026-11-30"), 540, 540, 0)));

        mvc.perform(as(StaffRole.CLINICAL_SUPERVISOR, get("/api/clients/{id}/attendance-summary", client)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requiredMinutes").value(540))
                .andExpect(jsonPath("$.weeks[0].metMinimum").value(true));
        mvc.perform(as(
                        StaffRole.CLINICAL_SUPERVISOR,
                        get("/api/clients/{id}/attendance-summary", client)
                                .param("from", "2026-12-07")
                                .param("to", "2026-12-01")))
                .andExpect(problem(422, "bad-range"));
        mvc.perform(as(StaffRole.CLINICAL_SUPERVISOR, get("/api/clients/{id}/attendance-summary", UUID.randomUUID())))
                .andExpect(problem(404, "not-found"));
    }
}
