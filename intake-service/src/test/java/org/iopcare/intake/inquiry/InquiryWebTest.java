package org.iopcare.intake.inquiry;

import static org.iopcare.testsupport.WebSlices.invalidField;
import static org.iopcare.testsupport.WebSlices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.iopcare.events.ContactChannel;
import org.iopcare.intake.IntakeWebSlice;
import org.iopcare.support.caseload.Caseload.Visibility;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageImpl;

class InquiryWebTest extends IntakeWebSlice {

    static final String FORM = """
            {"firstName":"Sam","lastName":"Rivera","phone":"+16175550100","preferredChannel":"SMS",
             "contactConsent":true,"referralSource":"SELF"}
            """;

    static Inquiry inquiry(UUID id) {
        NewInquiry request = new NewInquiry(
                "Sam", "Rivera", "+16175550100", null, ContactChannel.SMS, true, null, ReferralSource.SELF);
        return new Inquiry(id, UUID.randomUUID(), request, null, NOW);
    }

    @Test
    void theFormNeedsNoTokenAndAnswers201WithTheReceiptAndItsLocation() throws Exception {
        UUID id = UUID.randomUUID();
        given(inquiries.submit(any(), isNull())).willReturn(new InquiryReceipt(id, InquiryStatus.NEW, NOW));

        mvc.perform(json(post("/api/inquiries"), FORM))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/inquiries/" + id))
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.status").value("NEW"));
    }

    @Test
    void anInvalidFormIsA400NamingItsFieldsAndNothingIsStored() throws Exception {
        mvc.perform(json(post("/api/inquiries"), FORM.replace("\"Sam\"", "\"\"").replace("true", "false")))
                .andExpect(invalidField("firstName"))
                .andExpect(invalidField("contactConsent"));
        mvc.perform(json(post("/api/inquiries"), FORM.replace("\"phone\":\"+16175550100\",", "")))
                .andExpect(invalidField("contactGiven"));
        mvc.perform(json(post("/api/inquiries"), FORM).header("Idempotency-Key", ""))
                .andExpect(invalidField("idempotencyKey"));
        verify(inquiries, never()).submit(any(), any());
    }

    @Test
    void aReusedIdempotencyKeyWithAnotherFormIsA422() throws Exception {
        given(inquiries.submit(any(), eq("k-1")))
                .willThrow(ProblemException.unprocessable("idempotency-key-reused", "Another form used this key"));

        mvc.perform(json(post("/api/inquiries"), FORM).header("Idempotency-Key", "k-1"))
                .andExpect(problem(422, "idempotency-key-reused"));
    }

    @Test
    void readingAnInquiryNeedsAStaffTokenAndAPipelineRole() throws Exception {
        UUID id = UUID.randomUUID();
        mvc.perform(get("/api/inquiries/{id}", id)).andExpect(problem(401));
        mvc.perform(as(StaffRole.SCHEDULER, get("/api/inquiries/{id}", id))).andExpect(problem(403));
        mvc.perform(as(StaffRole.PRIVACY_OFFICER, get("/api/inquiries"))).andExpect(problem(403));
        verify(inquiries, never()).get(any());
    }

    @Test
    void anInquiryReadsAs200AndAnUnknownOneAs404() throws Exception {
        UUID id = UUID.randomUUID();
        given(inquiries.get(id)).willReturn(inquiry(id));
        UUID unknown = UUID.randomUUID();
        given(inquiries.get(unknown)).willThrow(ProblemException.notFound("Inquiry"));

        mvc.perform(as(StaffRole.INTAKE_COORDINATOR, get("/api/inquiries/{id}", id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.lastName").value("Rivera"))
                .andExpect(jsonPath("$.status").value("NEW"));
        mvc.perform(as(StaffRole.INTAKE_COORDINATOR, get("/api/inquiries/{id}", unknown)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(as(StaffRole.INTAKE_COORDINATOR, get("/api/inquiries/{id}", "not-a-uuid")))
                .andExpect(invalidField("id"));
    }

    @Test
    void theListIsAPageAndItsPagingIsBounded() throws Exception {
        UUID id = UUID.randomUUID();
        given(caseload.visibility(any())).willReturn(new Visibility(true, Set.of(), true));
        given(inquiries.list(any(), any())).willReturn(new PageImpl<>(List.of(inquiry(id))));

        mvc.perform(as(StaffRole.CLINICIAN, get("/api/inquiries").param("status", "NEW")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(id.toString()));
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/inquiries").param("size", "0")))
                .andExpect(invalidField("size"));
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/inquiries").param("status", "LOST")))
                .andExpect(invalidField("status"));
    }

    @Test
    void aPipelineStepIsForCoordinatorsAndAdminsAndAnIllegalOneIsA409() throws Exception {
        UUID id = UUID.randomUUID();
        given(inquiries.get(id)).willReturn(inquiry(id));
        given(inquiries.change(eq(id), any(), any()))
                .willThrow(ProblemException.conflict("illegal-transition", "The inquiry is already NEW"));

        mvc.perform(as(StaffRole.CLINICIAN, json(patch("/api/inquiries/{id}", id), "{}")))
                .andExpect(problem(403));
        mvc.perform(as(StaffRole.INTAKE_COORDINATOR, json(patch("/api/inquiries/{id}", id), "{}")))
                .andExpect(invalidField("somethingGiven"));
        mvc.perform(as(StaffRole.INTAKE_COORDINATOR, json(patch("/api/inquiries/{id}", id), "{\"status\":\"NEW\"}")))
                .andExpect(problem(409, "illegal-transition"));
    }

    @Test
    void thePipelineStepAnswersTheChangedInquiryAndTheHistoryItsNotes() throws Exception {
        UUID id = UUID.randomUUID();
        Inquiry inquiry = inquiry(id);
        given(inquiries.get(id)).willReturn(inquiry);
        given(inquiries.change(eq(id), any(), eq("staff-PROGRAM_ADMIN"))).willReturn(inquiry);
        given(inquiries.history(id))
                .willReturn(List.of(new InquiryNote(
                        InquiryStatus.NEW, InquiryStatus.CONTACTED, "called back", "staff-PROGRAM_ADMIN", NOW)));

        mvc.perform(as(StaffRole.PROGRAM_ADMIN, json(patch("/api/inquiries/{id}", id), "{\"note\":\"called back\"}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id.toString()));
        mvc.perform(as(StaffRole.CLINICAL_SUPERVISOR, get("/api/inquiries/{id}/history", id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].to").value("CONTACTED"));
    }
}
