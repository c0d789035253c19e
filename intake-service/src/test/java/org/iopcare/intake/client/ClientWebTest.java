package org.iopcare.intake.client;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.iopcare.intake.IntakeWebSlice;
import org.iopcare.intake.inquiry.Inquiry;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ClientWebTest extends IntakeWebSlice {

    static final String CONSENT =
            "{\"given\":false,\"recordedAt\":\"2026-12-01T10:00:00Z\",\"source\":\"WRITTEN_FORM\"}";

    static final String ENROLLMENT = """
            {"inquiryId":"%s","trackCode":"IOP-ADULT-AM","startDate":"2026-12-14","primaryClinicianId":"clin-a",
             "ageGroup":"ADULT","client":{"firstName":"Sam","lastName":"Rivera","timeZone":"America/New_York",
             "smsConsent":%s,"emailConsent":%s,"part2Consent":%s}}
            """;

    @Autowired
    Clients clients;

    static ClientView view(UUID id) {
        return new ClientView(
                id, "Sam", "Rivera", null, null, null, "America/New_York", null, null, null, NOW, NOW, List.of());
    }

    @Test
    void anEnrollmentIsA201WithTheClientAndItsLocation() throws Exception {
        UUID inquiry = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        given(inquiries.get(inquiry)).willReturn(mock(Inquiry.class));
        Enrollment enrollment = mock(Enrollment.class);
        given(enrollment.clientId()).willReturn(client);
        given(clients.enroll(any(), eq("staff-INTAKE_COORDINATOR"))).willReturn(enrollment);
        given(clients.view(client)).willReturn(view(client));

        mvc.perform(as(
                        StaffRole.INTAKE_COORDINATOR,
                        json(post("/api/enrollments"), ENROLLMENT.formatted(inquiry, CONSENT, CONSENT, CONSENT))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/clients/" + client))
                .andExpect(jsonPath("$.id").value(client.toString()));
    }

    @Test
    void anEnrollmentWithoutItsConsentsOrWithABadTrackIsA400NamingThem() throws Exception {
        UUID inquiry = UUID.randomUUID();
        String body = ENROLLMENT.formatted(inquiry, CONSENT, CONSENT, "null").replace("IOP-ADULT-AM", "iop adult");

        mvc.perform(as(StaffRole.INTAKE_COORDINATOR, json(post("/api/enrollments"), body)))
                .andExpect(invalidField("client.part2Consent"))
                .andExpect(invalidField("trackCode"));
        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/enrollments"), body)))
                .andExpect(problem(403));
        verify(clients, never()).enroll(any(), any());
    }

    @Test
    void enrollingAClientTwiceIsA409AndAnUnknownTrackA422() throws Exception {
        UUID inquiry = UUID.randomUUID();
        given(inquiries.get(inquiry)).willReturn(mock(Inquiry.class));
        String body = ENROLLMENT.formatted(inquiry, CONSENT, CONSENT, CONSENT);
        given(clients.enroll(any(), any()))
                .willThrow(ProblemException.conflict("already-enrolled", "The client already has an open enrollment"))
                .willThrow(ProblemException.unprocessable("unknown-track", "No such program track"));

        mvc.perform(as(StaffRole.PROGRAM_ADMIN, json(post("/api/enrollments"), body)))
                .andExpect(problem(409, "already-enrolled"));
        mvc.perform(as(StaffRole.PROGRAM_ADMIN, json(post("/api/enrollments"), body)))
                .andExpect(problem(422, "unknown-track"));
    }

    @Test
    void aClientReadsAs200ForItsReadersAnd404OutsideTheCaseload() throws Exception {
        UUID client = UUID.randomUUID();
        given(clients.view(client)).willReturn(view(client));
        UUID hidden = UUID.randomUUID();
        willThrow(ProblemException.notFound("Client")).given(caseload).require(eq(hidden), any(), any());

        mvc.perform(as(StaffRole.SCHEDULER, get("/api/clients/{id}", client)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lastName").value("Rivera"));
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/clients/{id}", hidden))).andExpect(problem(404, "not-found"));
        verify(clients, never()).view(hidden);
        mvc.perform(get("/api/clients/{id}", client)).andExpect(problem(401));
        mvc.perform(as(StaffRole.PRIVACY_OFFICER, get("/api/clients/{id}", client)))
                .andExpect(problem(403));
    }

    @Test
    void aChangeIsValidatedAndAConsentWithoutItsContactIsA422() throws Exception {
        UUID client = UUID.randomUUID();
        given(clients.change(eq(client), any()))
                .willThrow(ProblemException.unprocessable(
                        "sms-consent-without-phone", "SMS consent needs a phone on file"));

        mvc.perform(as(
                        StaffRole.INTAKE_COORDINATOR,
                        json(patch("/api/clients/{id}", client), "{\"timeZone\":\"Mars/Base\"}")))
                .andExpect(invalidField("timeZone"));
        mvc.perform(
                        as(
                                StaffRole.INTAKE_COORDINATOR,
                                json(
                                        patch("/api/clients/{id}", client),
                                        "{\"smsConsent\":{\"given\":true,\"recordedAt\":\"2026-12-01T10:00:00Z\",\"source\":\"WRITTEN_FORM\"}}")))
                .andExpect(problem(422, "sms-consent-without-phone"));
        mvc.perform(as(StaffRole.CLINICIAN, json(patch("/api/clients/{id}", client), "{}")))
                .andExpect(problem(403));
    }

    @Test
    void aTransferNeedsATrackAndADateAndADischargeAReason() throws Exception {
        UUID client = UUID.randomUUID();
        given(clients.transfer(eq(client), any())).willReturn(view(client));
        given(clients.discharge(eq(client), any(), eq("staff-CLINICIAN")))
                .willThrow(ProblemException.conflict("not-enrolled", "The client has no open enrollment"));

        mvc.perform(as(StaffRole.INTAKE_COORDINATOR, json(post("/api/clients/{id}/transfer", client), "{}")))
                .andExpect(invalidField("trackCode"))
                .andExpect(invalidField("effectiveDate"));
        mvc.perform(as(
                        StaffRole.INTAKE_COORDINATOR,
                        json(
                                post("/api/clients/{id}/transfer", client),
                                "{\"trackCode\":\"IOP-ADULT-PM\",\"effectiveDate\":\"2026-12-21\"}")))
                .andExpect(status().isOk());
        mvc.perform(as(StaffRole.SCHEDULER, json(post("/api/clients/{id}/discharge", client), "{}")))
                .andExpect(problem(403));
        mvc.perform(as(StaffRole.CLINICIAN, json(post("/api/clients/{id}/discharge", client), "{}")))
                .andExpect(invalidField("reason"));
        mvc.perform(as(
                        StaffRole.CLINICIAN,
                        json(post("/api/clients/{id}/discharge", client), "{\"reason\":\"COMPLETED\"}")))
                .andExpect(problem(409, "not-enrolled"));
    }
}
