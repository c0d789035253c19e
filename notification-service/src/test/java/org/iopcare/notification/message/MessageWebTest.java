package org.iopcare.notification.message;

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

import java.util.List;
import java.util.UUID;
import org.iopcare.notification.NotificationWebSlice;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MessageWebTest extends NotificationWebSlice {

    @Autowired
    Messages messages;

    @Autowired
    MessageText text;

    static Message message(UUID id, UUID client) {
        Message message = mock(Message.class);
        given(message.id()).willReturn(id);
        given(message.clientId()).willReturn(client);
        given(message.body()).willReturn("Your group starts at 9:00");
        return message;
    }

    @Test
    void theTextIsShownOnlyToWhoMayReadIt() throws Exception {
        UUID client = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        Message message = message(id, client);
        given(messages.forClient(client)).willReturn(List.of(message));
        given(messages.get(id)).willReturn(message);
        given(text.readable(client)).willReturn(true, false);

        mvc.perform(as(StaffRole.CLINICIAN, get("/api/clients/{id}/messages", client)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id.toString()))
                .andExpect(jsonPath("$[0].body").value("Your group starts at 9:00"));
        mvc.perform(as(StaffRole.SCHEDULER, get("/api/messages/{id}", id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body").doesNotExist());
    }

    @Test
    void anUnknownMessageOrAClientOutsideTheCaseloadIs404() throws Exception {
        UUID unknown = UUID.randomUUID();
        given(messages.get(unknown)).willThrow(ProblemException.notFound("Message"));
        UUID hidden = UUID.randomUUID();
        willThrow(ProblemException.notFound("Client")).given(caseload).require(eq(hidden), any(), any());

        mvc.perform(as(StaffRole.CLINICIAN, get("/api/messages/{id}", unknown))).andExpect(problem(404, "not-found"));
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/clients/{id}/messages", hidden)))
                .andExpect(problem(404, "not-found"));
        verify(messages, never()).forClient(hidden);
        mvc.perform(as(StaffRole.CLINICIAN, get("/api/messages/{id}", "42"))).andExpect(invalidField("id"));
    }

    @Test
    void messagesNeedAStaffTokenAndAStaffRoleThatSeesThem() throws Exception {
        UUID client = UUID.randomUUID();
        mvc.perform(get("/api/clients/{id}/messages", client)).andExpect(problem(401));
        mvc.perform(as(StaffRole.PRIVACY_OFFICER, get("/api/clients/{id}/messages", client)))
                .andExpect(problem(403));
        verify(messages, never()).forClient(any());
    }
}
