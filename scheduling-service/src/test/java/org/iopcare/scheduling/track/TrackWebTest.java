package org.iopcare.scheduling.track;

import static org.iopcare.testsupport.WebSlices.invalidField;
import static org.iopcare.testsupport.WebSlices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.SessionModality;
import org.iopcare.events.TrackStatus;
import org.iopcare.scheduling.SchedulingWebSlice;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TrackWebTest extends SchedulingWebSlice {

    static final String TRACK = """
            {"code":"MH-IOP-AM","name":"MH AM","timeZone":"America/New_York","meetingDays":["MONDAY","WEDNESDAY","FRIDAY"],
             "localStart":"09:00","localEnd":"12:00","capacity":12,"ageGroup":"ADULT",
             "components":[{"kind":"GROUP_THERAPY","minutes":180}]}
            """;

    static final ProgramTrack MORNINGS = new ProgramTrack(
            "MH-IOP-AM",
            "MH AM",
            ZoneId.of("America/New_York"),
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0),
            LocalTime.of(12, 0),
            12,
            AgeGroup.ADULT,
            SessionModality.IN_PERSON,
            List.of(new ProgramTrack.Component(ComponentKind.GROUP_THERAPY, 180)));

    @Autowired
    Tracks tracks;

    @Test
    void tracksAreListedAndReadByEveryStaffRoleThatEnrollsOrSchedules() throws Exception {
        given(tracks.all()).willReturn(List.of(MORNINGS));
        given(tracks.statuses()).willReturn(Map.of("MH-IOP-AM", TrackStatus.ACTIVE));
        given(tracks.get("MH-IOP-AM")).willReturn(MORNINGS);
        given(tracks.status("MH-IOP-AM")).willReturn(TrackStatus.ACTIVE);
        given(tracks.get("NONE")).willThrow(ProblemException.notFound("Track"));

        mvc.perform(as(StaffRole.INTAKE_COORDINATOR, get("/api/tracks")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("MH-IOP-AM"));
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/tracks/{code}", "MH-IOP-AM")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.capacity").value(12));
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/tracks/{code}", "NONE"))).andExpect(problem(404, "not-found"));
        mvc.perform(as(StaffRole.PRIVACY_OFFICER, get("/api/tracks"))).andExpect(problem(403));
        mvc.perform(get("/api/tracks")).andExpect(problem(401));
    }

    @Test
    void aNewTrackIsA201AndAnAdultTrackUnderTheMinimumA422() throws Exception {
        given(tracks.create(any())).willReturn(MORNINGS);

        mvc.perform(as(StaffRole.SCHEDULER, json(post("/api/tracks"), TRACK)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("MH-IOP-AM"));

        given(tracks.create(any()))
                .willThrow(ProblemException.unprocessable("below-minimum", "An adult track needs 9 hours a week"));
        mvc.perform(as(StaffRole.SCHEDULER, json(post("/api/tracks"), TRACK))).andExpect(problem(422, "below-minimum"));
    }

    @Test
    void aTrackWithoutDaysOrWithAnOversizedGroupIsA400NamingTheField() throws Exception {
        mvc.perform(as(
                        StaffRole.PROGRAM_ADMIN,
                        json(
                                post("/api/tracks"),
                                TRACK.replace("\"capacity\":12", "\"capacity\":101")
                                        .replace("[\"MONDAY\",\"WEDNESDAY\",\"FRIDAY\"]", "[]"))))
                .andExpect(invalidField("capacity"))
                .andExpect(invalidField("meetingDays"));
        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/tracks"), TRACK))).andExpect(problem(403));
        verifyNoInteractions(tracks);
    }

    @Test
    void replacingAndRetiringAnswerTheTrackAndRetiringATrackInUseIsA409() throws Exception {
        given(tracks.replace(eq("MH-IOP-AM"), any())).willReturn(MORNINGS);
        given(tracks.retire("MH-IOP-AM"))
                .willThrow(ProblemException.conflict("track-in-use", "Clients hold seats in the track"));

        mvc.perform(as(StaffRole.SCHEDULER, json(put("/api/tracks/{code}", "MH-IOP-AM"), TRACK)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(as(StaffRole.SCHEDULER, post("/api/tracks/{code}/retire", "MH-IOP-AM")))
                .andExpect(problem(409, "track-in-use"));
        mvc.perform(as(StaffRole.CLINICIAN, post("/api/tracks/{code}/retire", "MH-IOP-AM")))
                .andExpect(problem(403));
    }
}
