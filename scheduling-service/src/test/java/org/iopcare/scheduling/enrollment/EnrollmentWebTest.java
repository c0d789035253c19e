package org.iopcare.scheduling.enrollment;

import static org.iopcare.testsupport.WebSlices.invalidField;
import static org.iopcare.testsupport.WebSlices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.util.UUID;
import org.iopcare.scheduling.SchedulingWebSlice;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EnrollmentWebTest extends SchedulingWebSlice {

    @Autowired
    ClientEnrollments enrollments;

    @Test
    void anEnrollmentReadsAs200AndIs404UntilItsEventArrived() throws Exception {
        UUID client = UUID.randomUUID();
        ClientEnrollment enrollment = mock(ClientEnrollment.class);
        given(enrollment.clientId()).willReturn(client);
        given(enrollment.trackCode()).willReturn("MH-IOP-AM");
        given(enrollment.timeZone()).willReturn(ZoneId.of("America/Chicago"));
        given(enrollments.get(client)).willReturn(enrollment);
        UUID unknown = UUID.randomUUID();
        given(enrollments.get(unknown)).willThrow(ProblemException.notFound("Enrollment of client"));

        mvc.perform(as(StaffRole.SCHEDULER, get("/api/clients/{id}/enrollment", client)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trackCode").value("MH-IOP-AM"))
                .andExpect(jsonPath("$.timeZone").value("America/Chicago"));
        mvc.perform(as(StaffRole.SCHEDULER, get("/api/clients/{id}/enrollment", unknown)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(as(StaffRole.SCHEDULER, get("/api/clients/{id}/enrollment", "42")))
                .andExpect(invalidField("id"));
    }

    @Test
    void aClientOutsideTheCaseloadIs404AndOtherRolesAre403() throws Exception {
        UUID client = UUID.randomUUID();
        willThrow(ProblemException.notFound("Enrollment of client"))
                .given(caseload)
                .require(eq(client), any(), any());

        mvc.perform(as(StaffRole.CLINICIAN, get("/api/clients/{id}/enrollment", client)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(as(StaffRole.INTAKE_COORDINATOR, get("/api/clients/{id}/enrollment", client)))
                .andExpect(problem(403));
        mvc.perform(get("/api/clients/{id}/enrollment", client)).andExpect(problem(401));
        verify(enrollments, never()).get(any());
    }
}
