package org.iopcare.scheduling.schedule;

import static org.iopcare.testsupport.WebSlices.invalidField;
import static org.iopcare.testsupport.WebSlices.problem;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.iopcare.scheduling.SchedulingWebSlice;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ClosureWebTest extends SchedulingWebSlice {

    @Autowired
    Cancellations cancellations;

    @Autowired
    ClosureStore closures;

    @Autowired
    ClosureWithdrawal withdrawal;

    @Test
    void aClosureIsA201WithWhatItCancelled() throws Exception {
        UUID id = UUID.randomUUID();
        given(cancellations.close(
                        LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-26"), null, "staff-SCHEDULER"))
                .willReturn(new Cancellations.Closed(id, 14));

        mvc.perform(as(
                        StaffRole.SCHEDULER,
                        json(post("/api/closures"), "{\"firstDay\":\"2026-12-24\",\"lastDay\":\"2026-12-26\"}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.cancelledSessions").value(14));
    }

    @Test
    void aClosureWithoutItsDaysOrForABadTrackIsA400AndOnlySchedulersClose() throws Exception {
        mvc.perform(as(StaffRole.SCHEDULER, json(post("/api/closures"), "{\"trackCode\":\"mh am\"}")))
                .andExpect(invalidField("firstDay"))
                .andExpect(invalidField("lastDay"))
                .andExpect(invalidField("trackCode"));
        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/closures"), "{}"))).andExpect(problem(403));
        mvc.perform(json(post("/api/closures"), "{}")).andExpect(problem(401));
        verifyNoInteractions(cancellations);
    }

    @Test
    void theListStartsYesterdayByDefault() throws Exception {
        given(closures.notOverBy(LocalDate.parse("2026-12-06")))
                .willReturn(List.of(new ClosureStore.Closure(
                        UUID.randomUUID(),
                        null,
                        LocalDate.parse("2026-12-24"),
                        LocalDate.parse("2026-12-26"),
                        "s",
                        NOW)));

        mvc.perform(as(StaffRole.INTAKE_COORDINATOR, get("/api/closures")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].firstDay").value("2026-12-24"));
        mvc.perform(as(StaffRole.INTAKE_COORDINATOR, get("/api/closures").param("from", "soon")))
                .andExpect(invalidField("from"));
    }

    @Test
    void withdrawingAClosureThatHasBegunIsA409() throws Exception {
        UUID begun = UUID.randomUUID();
        given(withdrawal.withdraw(begun))
                .willThrow(ProblemException.conflict("closure-begun", "The closure has begun"));
        UUID later = UUID.randomUUID();
        given(withdrawal.withdraw(later)).willReturn(new ClosureWithdrawal.Withdrawn(3, 1));
        UUID unknown = UUID.randomUUID();
        given(withdrawal.withdraw(unknown)).willThrow(ProblemException.notFound("Closure"));

        mvc.perform(as(StaffRole.PROGRAM_ADMIN, delete("/api/closures/{id}", begun)))
                .andExpect(problem(409, "closure-begun"));
        mvc.perform(as(StaffRole.PROGRAM_ADMIN, delete("/api/closures/{id}", unknown)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(as(StaffRole.PROGRAM_ADMIN, delete("/api/closures/{id}", later)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rebookedSessions").value(3));
        mvc.perform(as(StaffRole.CLINICIAN, delete("/api/closures/{id}", later)))
                .andExpect(problem(403));
    }
}
