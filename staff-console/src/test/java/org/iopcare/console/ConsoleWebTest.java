package org.iopcare.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockHttpSession;

/**
 * What the console's pages and forms answer a browser: the page or the redirect, the service's
 * refusal shown beside its field or in the page's notice, a page for what is not there, and nothing
 * sent to a service for a forged form, a malformed address or a signed-out browser.
 */
class ConsoleWebTest extends ConsoleWebSlice {

    private static final UUID ITEM = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID INQUIRY = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID NOTE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    @Test
    void myWorkMergesTheServicesItemsUrgentFirstAndNamesAServiceThatDidNotAnswer() throws Exception {
        when(apis.getFromEach(eq("/api/work-items?size=200"), any()))
                .thenReturn(List.of(
                        answer("intake", 200, Map.of("content", List.of(item("NORMAL", "2026-12-07T15:00:00Z")))),
                        answer("scheduling", 0, null),
                        answer("treatment-plan", 200, List.of(item("URGENT", "2026-12-08T15:00:00Z"))),
                        answer("notification", 403, Map.of())));

        mvc.perform(get("/").with(signedIn("clin-okafor", "CLINICIAN")))
                .andExpect(status().isOk())
                .andExpect(view().name("my-work"))
                .andExpect(model().attribute("unavailable", List.of("scheduling")))
                .andExpect(content().string(containsString("the service did not answer")))
                .andExpect(result -> assertThat(
                                ((List<?>) result.getModelAndView().getModel().get("items"))
                                        .stream().map(i -> ((MyWork.Item) i).service()))
                        .containsExactly("treatment-plan", "intake"));

        mvc.perform(get("/work-items").with(signedIn("clin-okafor", "CLINICIAN")))
                .andExpect(status().isOk())
                .andExpect(view().name("my-work :: items"));
    }

    @Test
    void aWorkItemActionRedirectsToMyWorkWithWhatHappened() throws Exception {
        String claim = "/api/work-items/" + ITEM + "/claim";
        when(apis.post(eq("intake"), eq(claim), any(), any())).thenReturn(answer("intake", 200, Map.of()));
        mvc.perform(post("/work/intake/{id}/claim", ITEM)
                        .with(signedIn("intake-dana", "INTAKE_COORDINATOR"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("notice", "Claimed: it is yours now."));

        when(apis.post(eq("intake"), eq(claim), any(), any())).thenReturn(answer("intake", 409, Map.of()));
        mvc.perform(post("/work/intake/{id}/claim", ITEM)
                        .with(signedIn("intake-dana", "INTAKE_COORDINATOR"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute(
                                "notice", "Someone else changed this item first; the list shows it as it is now."));

        ArgumentCaptor<Object> body = ArgumentCaptor.forClass(Object.class);
        when(apis.post(eq("intake"), eq("/api/work-items/" + ITEM + "/complete"), body.capture(), any()))
                .thenReturn(answer("intake", 200, Map.of()));
        mvc.perform(post("/work/intake/{id}/complete", ITEM)
                        .with(signedIn("intake-dana", "INTAKE_COORDINATOR"))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "Completed."));
        assertThat(body.getValue()).isEqualTo(Map.of("outcome", "HANDLED"));
    }

    @Test
    void anUnknownActionOrAMalformedItemIdReachesNoService() throws Exception {
        mvc.perform(post("/work/intake/{id}/delete", ITEM)
                        .with(signedIn("intake-dana", "INTAKE_COORDINATOR"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("notice", "That is not something a work item can do."));
        mvc.perform(post("/work/intake/not-an-id/claim")
                        .with(signedIn("intake-dana", "INTAKE_COORDINATOR"))
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/inquiries/not-an-id").with(signedIn("intake-dana", "INTAKE_COORDINATOR")))
                .andExpect(status().isBadRequest());

        verifyNoInteractions(apis);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedBeforeAnyServiceIsAsked() throws Exception {
        mvc.perform(post("/work/intake/{id}/claim", ITEM).with(signedIn("intake-dana", "INTAKE_COORDINATOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/inquiries/new")
                        .with(signedIn("intake-dana", "INTAKE_COORDINATOR"))
                        .param("firstName", "Jo"))
                .andExpect(status().isForbidden());

        verifyNoInteractions(apis);
    }

    @Test
    void aSignedOutBrowserIsSentToTheSignInAndNothingIsSent() throws Exception {
        mvc.perform(post("/inquiries/new").with(csrf()).param("firstName", "Jo"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/sign-in"));
        mvc.perform(get("/work-items")).andExpect(redirectedUrl("/sign-in"));
        mvc.perform(get("/sign-in")).andExpect(status().isOk()).andExpect(view().name("sign-in"));

        verifyNoInteractions(apis);
    }

    @Test
    void aSessionWhoseTokenExpiredEndsAndStartsOver() throws Exception {
        MockHttpSession expired = new MockHttpSession();
        expired.setAttribute(
                SignedIn.SESSION_ATTRIBUTE,
                new SignedIn(
                        "clin-okafor",
                        "Dr Okafor",
                        List.of("CLINICIAN"),
                        "token",
                        Instant.now().minusSeconds(1)));

        mvc.perform(get("/inquiries").session(expired).with(user("clin-okafor").roles("CLINICIAN")))
                .andExpect(redirectedUrl("/"));

        assertThat(expired.isInvalid()).isTrue();
        verifyNoInteractions(apis);
    }

    @Test
    void aTakenInquiryOpensItsPageAndARefusalIsShownBesideItsFieldWithWhatWasTyped() throws Exception {
        when(apis.post(eq(ServiceApis.INTAKE), eq("/api/inquiries"), any(), any()))
                .thenReturn(answer("intake", 201, Map.of("id", INQUIRY.toString())));
        mvc.perform(post("/inquiries/new")
                        .with(signedIn("intake-dana", "INTAKE_COORDINATOR"))
                        .with(csrf())
                        .param("firstName", "Jo")
                        .param("phone", "+15550100999")
                        .param("contactConsent", "on"))
                .andExpect(redirectedUrl("/inquiries/" + INQUIRY));

        when(apis.post(eq(ServiceApis.INTAKE), eq("/api/inquiries"), any(), any()))
                .thenReturn(answer(
                        "intake",
                        400,
                        Map.of(
                                "detail",
                                "Invalid request content.",
                                "errors",
                                List.of(Map.of("field", "phone", "message", "not a phone number")))));
        mvc.perform(post("/inquiries/new")
                        .with(signedIn("intake-dana", "INTAKE_COORDINATOR"))
                        .with(csrf())
                        .param("firstName", "Jo")
                        .param("phone", "555-nope"))
                .andExpect(status().isOk())
                .andExpect(view().name("inquiry-new"))
                .andExpect(model().attribute("errors", Map.of("phone", "not a phone number")))
                .andExpect(content().string(containsString("not a phone number")))
                .andExpect(content().string(containsString("555-nope")));
    }

    @Test
    void anInquiryTheServiceWillNotShowIsANotAvailablePage() throws Exception {
        when(apis.get(eq(ServiceApis.INTAKE), eq("/api/inquiries/" + INQUIRY), any()))
                .thenReturn(answer("intake", 404, Map.of("detail", "Inquiry not found")));

        mvc.perform(get("/inquiries/{id}", INQUIRY).with(signedIn("sched-tomas", "SCHEDULER")))
                .andExpect(status().isOk())
                .andExpect(view().name("not-available"))
                .andExpect(content().string(containsString("Not found, or not on your caseload.")));
        verify(apis, never()).get(anyString(), eq("/api/inquiries/" + INQUIRY + "/history"), any());
    }

    @Test
    void aClosureSaysHowManySessionsItCancelledOrWhyItWasRefused() throws Exception {
        ArgumentCaptor<Object> body = ArgumentCaptor.forClass(Object.class);
        when(apis.post(eq(ServiceApis.SCHEDULING), eq("/api/closures"), body.capture(), any()))
                .thenReturn(answer("scheduling", 201, Map.of("cancelledSessions", 14)));
        mvc.perform(post("/closures")
                        .with(signedIn("sched-tomas", "SCHEDULER"))
                        .with(csrf())
                        .param("firstDay", "2026-12-24")
                        .param("trackCode", " "))
                .andExpect(redirectedUrl("/tracks"))
                .andExpect(flash().attribute(
                                "notice", "Closure declared: 14 client sessions cancelled; the clients are told."));
        Map<String, Object> closure = new HashMap<>();
        closure.put("firstDay", "2026-12-24");
        closure.put("lastDay", "2026-12-24");
        closure.put("trackCode", null);
        assertThat(body.getValue()).as("a one-day closure of the clinic").isEqualTo(closure);

        when(apis.post(eq(ServiceApis.SCHEDULING), eq("/api/closures"), any(), any()))
                .thenReturn(answer("scheduling", 403, Map.of()));
        mvc.perform(post("/closures")
                        .with(signedIn("clin-okafor", "CLINICIAN"))
                        .with(csrf())
                        .param("firstDay", "2026-12-24"))
                .andExpect(flash().attribute("notice", "Your role does not allow this."));
    }

    @Test
    void aClientSearchAsksIntakeOnlyWhenSomethingIsAsked() throws Exception {
        when(apis.get(eq(ServiceApis.SCHEDULING), eq("/api/tracks"), any()))
                .thenReturn(answer("scheduling", 200, List.of()));
        mvc.perform(get("/clients").param("q", " ").with(signedIn("intake-dana", "INTAKE_COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(model().attribute("results", nullValue()));
        verify(apis, never()).get(eq(ServiceApis.INTAKE), anyString(), any());

        when(apis.get(eq(ServiceApis.INTAKE), eq("/api/clients?size=50&q=Ana+D%C3%ADaz"), any()))
                .thenReturn(answer("intake", 200, Map.of("content", List.of())));
        mvc.perform(get("/clients").param("q", " Ana Díaz ").with(signedIn("intake-dana", "INTAKE_COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(model().attribute("results", List.of()))
                .andExpect(model().attribute("failure", nullValue()));
    }

    @Test
    void signingANoteThatAwaitsACosignatureSaysSoAndARefusalGivesTheServicesReason() throws Exception {
        String sign = "/api/notes/" + NOTE + "/sign";
        when(apis.post(eq(ServiceApis.TREATMENT_PLAN), eq(sign), any(), any()))
                .thenReturn(answer("treatment-plan", 200, Map.of("status", "PENDING_COSIGNATURE")));
        mvc.perform(post("/notes/{id}/sign", NOTE)
                        .with(signedIn("clin-new", "CLINICIAN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/notes/" + NOTE))
                .andExpect(flash().attribute("notice", "Signed; it now awaits a supervisor's co-signature."));

        when(apis.post(eq(ServiceApis.TREATMENT_PLAN), eq(sign), any(), any()))
                .thenReturn(answer("treatment-plan", 409, Map.of("detail", "The note is already signed.")));
        mvc.perform(post("/notes/{id}/sign", NOTE)
                        .with(signedIn("clin-new", "CLINICIAN"))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "The note is already signed."));

        when(apis.post(eq(ServiceApis.TREATMENT_PLAN), eq(sign), any(), any()))
                .thenReturn(answer("treatment-plan", 0, null));
        mvc.perform(post("/notes/{id}/sign", NOTE)
                        .with(signedIn("clin-new", "CLINICIAN"))
                        .with(csrf()))
                .andExpect(
                        flash().attribute(
                                        "notice",
                                        "The treatment-plan service did not answer; nothing was changed. Try again in a moment."));
    }

    private static Map<String, Object> item(String priority, String dueAt) {
        return Map.of(
                "id",
                UUID.randomUUID().toString(),
                "clientId",
                UUID.randomUUID().toString(),
                "kind",
                "FOLLOW_UP",
                "priority",
                priority,
                "reasonCode",
                "X",
                "ownerQueue",
                "CLINICIAN",
                "dueAt",
                dueAt,
                "state",
                "OPEN");
    }
}
