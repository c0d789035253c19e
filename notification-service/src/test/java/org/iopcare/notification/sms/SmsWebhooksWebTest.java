package org.iopcare.notification.sms;

import static org.iopcare.testsupport.WebSlices.problem;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.iopcare.notification.NotificationWebSlice;
import org.iopcare.notification.delivery.DeliveryReports;
import org.iopcare.notification.message.MessageText;
import org.iopcare.support.caseload.Caseload.Visibility;
import org.iopcare.support.security.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The provider's webhooks (signed, no token) and the staff inbox of replies. */
class SmsWebhooksWebTest extends NotificationWebSlice {

    /** The auth token of the provider in application.yaml, which signs its webhooks. */
    static final TwilioSignature PROVIDER = new TwilioSignature("sandbox-token");

    @Autowired
    InboundReplies replies;

    @Autowired
    DeliveryReports reports;

    @Autowired
    MessageText text;

    static MockHttpServletRequestBuilder signed(String path, Map<String, String> form, TwilioSignature by) {
        MockHttpServletRequestBuilder request = post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.forEach(request::param);
        return request.header(TwilioSignature.HEADER, by.sign("http://localhost" + path, form));
    }

    @Test
    void aSignedReplyIsA204WithoutAToken() throws Exception {
        mvc.perform(signed(
                        "/api/sms/inbound", Map.of("MessageSid", "SM1", "From", "+16175550100", "Body", "1"), PROVIDER))
                .andExpect(status().isNoContent());
        verify(replies).receive("SM1", "+16175550100", "1");
        mvc.perform(signed("/api/sms/status", Map.of("MessageSid", "SM2", "MessageStatus", "delivered"), PROVIDER))
                .andExpect(status().isNoContent());
        verify(reports).report("SM2", "delivered");
    }

    @Test
    void anUnsignedOrForgedWebhookIsA403AndOneWithoutItsSidA400() throws Exception {
        Map<String, String> form = Map.of("MessageSid", "SM3", "From", "+16175550100", "Body", "STOP");
        mvc.perform(signed("/api/sms/inbound", form, new TwilioSignature("someone-else")))
                .andExpect(problem(403, "bad-signature"));
        mvc.perform(post("/api/sms/inbound")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("MessageSid", "SM3"))
                .andExpect(problem(403, "bad-signature"));
        mvc.perform(signed("/api/sms/inbound", Map.of("From", "+16175550100"), PROVIDER))
                .andExpect(problem(400, "missing-parameter"));
        verifyNoInteractions(replies);
    }

    @Test
    void theInboxNeedsAStaffTokenAndHidesTheTextFromWhoMayNotReadIt() throws Exception {
        given(caseload.visibility(InboxController.RULE)).willReturn(new Visibility(true, java.util.Set.of(), true));
        Predicate<UUID> nobody = client -> false;
        given(text.readableClients()).willReturn(nobody);

        mvc.perform(as(StaffRole.SCHEDULER, get("/api/inbox")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray());
        mvc.perform(get("/api/inbox")).andExpect(problem(401));
        mvc.perform(as(StaffRole.PROGRAM_ADMIN, get("/api/inbox"))).andExpect(problem(403));
        mvc.perform(as(StaffRole.SCHEDULER, get("/api/inbox").param("clientId", "sam")))
                .andExpect(problem(400));
    }
}
