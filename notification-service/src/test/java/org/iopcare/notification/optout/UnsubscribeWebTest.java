package org.iopcare.notification.optout;

import static org.iopcare.testsupport.WebSlices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.iopcare.notification.NotificationWebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The email unsubscribe link: no token, its signature instead. */
class UnsubscribeWebTest extends NotificationWebSlice {

    @Autowired
    UnsubscribeLinks links;

    @Autowired
    EmailOptOuts optOuts;

    @Test
    void aSignedLinkUnsubscribesWithoutAToken() throws Exception {
        UUID client = UUID.randomUUID();
        given(links.valid(client, "good")).willReturn(true);

        mvc.perform(post(UnsubscribeLinks.PATH)
                        .param("client", client.toString())
                        .param("signature", "good"))
                .andExpect(status().isOk());
        verify(optOuts).unsubscribe(client);
    }

    @Test
    void aLinkWithABadSignatureIsA403AndABadClientIdA400() throws Exception {
        mvc.perform(post(UnsubscribeLinks.PATH)
                        .param("client", UUID.randomUUID().toString())
                        .param("signature", "forged"))
                .andExpect(problem(403, "bad-signature"));
        mvc.perform(post(UnsubscribeLinks.PATH).param("client", "sam").param("signature", "forged"))
                .andExpect(problem(400, "bad-parameter"));
        mvc.perform(post(UnsubscribeLinks.PATH)
                        .param("client", UUID.randomUUID().toString()))
                .andExpect(problem(400));
        verifyNoInteractions(optOuts);
        verify(links, org.mockito.Mockito.never()).valid(any(), org.mockito.ArgumentMatchers.eq("sam"));
    }
}
