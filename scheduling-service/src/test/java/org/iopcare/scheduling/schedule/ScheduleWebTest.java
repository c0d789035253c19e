package org.iopcare.scheduling.schedule;

import static org.iopcare.testsupport.WebSlices.invalidField;
import static org.iopcare.testsupport.WebSlices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionModality;
import org.iopcare.scheduling.SchedulingWebSlice;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ScheduleWebTest extends SchedulingWebSlice {

    @Autowired
    SessionStore sessions;

    @Autowired
    ScheduleStore schedules;

    @Autowired
    Cancellations cancellations;

    @Autowired
    Reschedules reschedules;

    @Autowired
    ManualBooking booking;

    @Autowired
    MakeUps makeUps;

    static ClientSession session(UUID id, UUID client) {
        return new ClientSession(
                id,
                client,
                SessionKind.INDIVIDUAL_THERAPY,
                null,
                "clin-a",
                LocalDate.parse("2026-12-07"),
                NOW,
                NOW.plusSeconds(3600),
                ZoneId.of("America/New_York"),
                SessionModality.IN_PERSON,
                ClientSession.SCHEDULED,
                null);
    }

    @Test
    void cancellingASessionAnswersItCancelledAndAnUnknownOneIs404() throws Exception {
        UUID id = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        given(sessions.clientOf(id)).willReturn(Optional.of(client));
        given(cancellations.cancel(id, CancellationReason.STAFF)).willReturn(session(id, client));
        given(sessions.view(id)).willReturn(Optional.of(SessionView.of(session(id, client), null, "STAFF")));

        mvc.perform(as(StaffRole.SCHEDULER, json(post("/api/sessions/{id}/cancel", id), "{\"reason\":\"STAFF\"}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cancellationReason").value("STAFF"));
        mvc.perform(as(StaffRole.SCHEDULER, post("/api/sessions/{id}/cancel", UUID.randomUUID())))
                .andExpect(problem(404, "not-found"));
        mvc.perform(as(StaffRole.SCHEDULER, json(post("/api/sessions/{id}/cancel", id), "{\"reason\":\"BORED\"}")))
                .andExpect(problem(400));
    }

    @Test
    void aSessionOutsideTheCaseloadIs404AndAClosedSlotA409() throws Exception {
        UUID id = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        given(sessions.clientOf(id)).willReturn(Optional.of(client));
        willThrow(ProblemException.notFound("Session")).given(caseload).require(eq(client), any(), any());

        mvc.perform(as(StaffRole.CLINICIAN, post("/api/sessions/{id}/cancel", id)))
                .andExpect(problem(404, "not-found"));
        verifyNoInteractions(cancellations);

        UUID other = UUID.randomUUID();
        given(sessions.clientOf(other)).willReturn(Optional.of(UUID.randomUUID()));
        given(reschedules.reschedule(eq(other), any()))
                .willThrow(ProblemException.conflict("slot-taken", "The clinician is busy then"));
        mvc.perform(as(
                        StaffRole.SCHEDULER,
                        json(post("/api/sessions/{id}/reschedule", other), "{\"localStart\":\"2026-12-09T10:00:00\"}")))
                .andExpect(problem(409, "slot-taken"));
    }

    @Test
    void aRescheduleNeedsALocalStartAndWellFormedIds() throws Exception {
        UUID id = UUID.randomUUID();
        mvc.perform(as(
                        StaffRole.SCHEDULER,
                        json(post("/api/sessions/{id}/reschedule", id), "{\"trackCode\":\"mh am\"}")))
                .andExpect(invalidField("localStart"))
                .andExpect(invalidField("trackCode"));
        mvc.perform(as(StaffRole.CLINICAL_SUPERVISOR, json(post("/api/sessions/{id}/reschedule", id), "{}")))
                .andExpect(problem(403));
        mvc.perform(json(post("/api/sessions/{id}/reschedule", id), "{}")).andExpect(problem(401));
        verify(reschedules, never()).reschedule(any(), any());
    }

    @Test
    void aClientsSessionsAreListedForAValidPeriodOfAClientWithASchedule() throws Exception {
        UUID client = UUID.randomUUID();
        given(schedules.find(client)).willReturn(Optional.of(mock(ClientSchedule.class)));
        given(sessions.viewsForClient(eq(client), any(), any()))
                .willReturn(List.of(SessionView.of(session(UUID.randomUUID(), client))));

        mvc.perform(as(StaffRole.CLINICIAN, get("/api/clients/{id}/sessions", client)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].clientId").value(client.toString()))
                .andExpect(jsonPath("$[0].timeZone").value("America/New_York"));
        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        get("/api/clients/{id}/sessions", client)
                                .param("from", "2026-01-01")
                                .param("to", "2027-06-01")))
                .andExpect(problem(422, "bad-range"));
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/clients/{id}/sessions", UUID.randomUUID())))
                .andExpect(problem(404, "not-found"));
        mvc.perform(as(StaffRole.INTAKE_COORDINATOR, get("/api/clients/{id}/sessions", client)))
                .andExpect(problem(403));
    }

    @Test
    void aBookingIsA201AndItsLengthIsBounded() throws Exception {
        UUID client = UUID.randomUUID();
        given(booking.book(eq(client), any())).willReturn(session(UUID.randomUUID(), client));

        mvc.perform(as(
                        StaffRole.SCHEDULER,
                        json(
                                post("/api/clients/{id}/sessions", client),
                                "{\"startsAt\":\"2026-12-09T15:00:00Z\",\"minutes\":5}")))
                .andExpect(invalidField("minutes"));
        mvc.perform(as(
                        StaffRole.SCHEDULER,
                        json(
                                post("/api/clients/{id}/sessions", client),
                                "{\"startsAt\":\"2026-12-09T15:00:00Z\",\"minutes\":50}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SCHEDULED"));
    }

    @Test
    void aMakeUpNeedsAGroupMeetingAndAFullOneIsA409() throws Exception {
        UUID client = UUID.randomUUID();
        given(makeUps.book(eq(client), any())).willThrow(ProblemException.conflict("group-full", "No free seat"));

        mvc.perform(as(StaffRole.SCHEDULER, json(post("/api/clients/{id}/make-ups", client), "{}")))
                .andExpect(invalidField("groupSessionId"));
        mvc.perform(as(
                        StaffRole.SCHEDULER,
                        json(
                                post("/api/clients/{id}/make-ups", client),
                                "{\"groupSessionId\":\"%s\"}".formatted(UUID.randomUUID()))))
                .andExpect(problem(409, "group-full"));
    }

    @Test
    void theWaitlistAndTheBookingNeedsAreListedAsDisclosed() throws Exception {
        UUID client = UUID.randomUUID();
        given(caseload.disclose(any(), any(), any())).willAnswer(call -> call.getArgument(0));
        given(schedules.waitlist(eq("MH-IOP-AM"), any()))
                .willReturn(List.of(new ScheduleStore.WaitlistEntry(client, 1, LocalDate.parse("2026-12-14"))));
        given(schedules.openBookingNeeds(any())).willReturn(List.of());

        mvc.perform(as(StaffRole.CLINICIAN, get("/api/tracks/{code}/waitlist", "MH-IOP-AM")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].position").value(1));
        mvc.perform(as(StaffRole.PROGRAM_ADMIN, get("/api/booking-needs")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
        mvc.perform(as(StaffRole.PRIVACY_OFFICER, get("/api/booking-needs"))).andExpect(problem(403));
    }
}
