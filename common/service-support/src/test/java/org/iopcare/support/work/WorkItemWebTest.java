package org.iopcare.support.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.iopcare.support.SupportWebSlice;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The work items over HTTP: the list's filters, one item, the transitions, and their refusals. */
class WorkItemWebTest extends SupportWebSlice {

    private static final UUID ITEM = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

    @Autowired
    WorkItems items;

    @Autowired
    WorkItemAccess access;

    @Test
    void theListPassesItsFiltersAndAnswersAPage() throws Exception {
        ArgumentCaptor<WorkItemAccess.Filter> filter = ArgumentCaptor.forClass(WorkItemAccess.Filter.class);
        when(access.list(filter.capture(), eq(0), eq(50)))
                .thenReturn(new PageImpl<>(List.of(item(WorkItemState.OPEN))));

        mvc.perform(as(
                        "clin-okafor",
                        StaffRole.CLINICIAN,
                        get("/api/work-items")
                                .param("owner", "me")
                                .param("state", "OPEN")
                                .param("priority", "URGENT")
                                .param("size", "50")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(ITEM.toString()))
                .andExpect(jsonPath("$.content[0].state").value("OPEN"));

        assertThat(filter.getValue())
                .isEqualTo(new WorkItemAccess.Filter("me", WorkItemState.OPEN, Priority.URGENT, null));
    }

    @Test
    void aMalformedFilterOrIdIsA400NamingIt() throws Exception {
        for (String[] bad : new String[][] {
            {"state", "SLEEPING"}, {"priority", "urgent!"}, {"clientId", "x"}, {"size", "0"}, {"owner", ""}
        }) {
            mvc.perform(as(
                            "clin-okafor",
                            StaffRole.CLINICIAN,
                            get("/api/work-items").param(bad[0], bad[1])))
                    .andExpect(invalidField(bad[0]));
        }
        mvc.perform(as("clin-okafor", StaffRole.CLINICIAN, get("/api/work-items/not-an-id")))
                .andExpect(invalidField("id"));
        verifyNoInteractions(access, items);
    }

    @Test
    void anItemNotThereOrNotVisibleIsA404() throws Exception {
        when(access.get(ITEM)).thenThrow(ProblemException.notFound("Work item"));

        mvc.perform(as("clin-okafor", StaffRole.CLINICIAN, get("/api/work-items/{id}", ITEM)))
                .andExpect(problem(404));
    }

    @Test
    void theCallerClaimsAnItemAsThemselves() throws Exception {
        WorkItemView open = item(WorkItemState.OPEN);
        when(access.visibleItem(ITEM)).thenReturn(open);
        when(items.claim(open, "sched-tomas")).thenReturn(item(WorkItemState.ACKNOWLEDGED));
        when(access.disclosed(any())).thenAnswer(call -> call.getArgument(0));

        mvc.perform(as("sched-tomas", StaffRole.SCHEDULER, post("/api/work-items/{id}/claim", ITEM)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ACKNOWLEDGED"));
        verify(items).claim(open, "sched-tomas");
    }

    @Test
    void aReassignmentNamesExactlyOneOwnerAndNeverThePrivacyOfficersQueue() throws Exception {
        mvc.perform(reassign("{\"staffId\":\"clin-reyes\",\"queue\":\"CLINICIAN\"}"))
                .andExpect(problem(422))
                .andExpect(jsonPath("$.type").value("https://iopcare.org/problems/one-owner"));
        mvc.perform(reassign("{}")).andExpect(problem(422));
        mvc.perform(reassign("{\"queue\":\"PRIVACY_OFFICER\"}"))
                .andExpect(problem(422))
                .andExpect(jsonPath("$.type").value("https://iopcare.org/problems/not-a-work-queue"));
        mvc.perform(reassign("{\"staffId\":\"two words\"}")).andExpect(invalidField("staffId"));
        mvc.perform(reassign("{\"queue\":\"JANITOR\"}")).andExpect(problem(400));
        verifyNoInteractions(items);
    }

    @Test
    void completingNeedsAnOutcomeCodeAndAStaleItemIsA409() throws Exception {
        mvc.perform(outcome("complete", "{\"note\":\"called back\"}")).andExpect(invalidField("outcome"));
        mvc.perform(outcome("complete", "{\"outcome\":\"contacted\"}")).andExpect(invalidField("outcome"));
        mvc.perform(outcome("complete", "{\"outcome\":\"CONTACTED\",\"note\":\"" + "x".repeat(501) + "\"}"))
                .andExpect(invalidField("note"));
        verifyNoInteractions(items);

        WorkItemView open = item(WorkItemState.OPEN);
        when(access.visibleItem(ITEM)).thenReturn(open);
        when(access.disclosed(any())).thenAnswer(call -> call.getArgument(0));
        when(items.complete(open, "clin-okafor", "CONTACTED", null)).thenReturn(item(WorkItemState.DONE));
        mvc.perform(outcome("complete", "{\"outcome\":\"CONTACTED\",\"note\":\"  \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DONE"));

        when(items.cancel(eq(open), eq("clin-okafor"), eq("NO_LONGER_NEEDED"), any()))
                .thenThrow(ProblemException.conflict("stale", "The item changed; reload it."));
        mvc.perform(outcome("cancel", "{\"outcome\":\"NO_LONGER_NEEDED\",\"note\":\" duplicate \"}"))
                .andExpect(problem(409));
        verify(items).cancel(open, "clin-okafor", "NO_LONGER_NEEDED", "duplicate");
    }

    @Test
    void thePrivacyOfficerHasNoWorklistAndNoTokenIsA401() throws Exception {
        mvc.perform(as("privacy-haddad", StaffRole.PRIVACY_OFFICER, get("/api/work-items")))
                .andExpect(problem(403));
        mvc.perform(as("privacy-haddad", StaffRole.PRIVACY_OFFICER, post("/api/work-items/{id}/claim", ITEM)))
                .andExpect(problem(403));
        mvc.perform(get("/api/work-items")).andExpect(problem(401));
        verifyNoInteractions(access, items);
    }

    private static MockHttpServletRequestBuilder reassign(String body) {
        return as(
                "sup-lindqvist",
                StaffRole.CLINICAL_SUPERVISOR,
                post("/api/work-items/{id}/reassign", ITEM)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body));
    }

    private static MockHttpServletRequestBuilder outcome(String action, String body) {
        return as(
                "clin-okafor",
                StaffRole.CLINICIAN,
                post("/api/work-items/{id}/" + action, ITEM)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body));
    }

    private static WorkItemView item(WorkItemState state) {
        return new WorkItemView(
                ITEM,
                UUID.fromString("00000000-0000-0000-0000-0000000000c1"),
                "FOLLOW_UP",
                Priority.NORMAL,
                "NO_CONTACT",
                null,
                "CLINICIAN",
                NOW.plusSeconds(3600),
                state,
                null,
                null,
                0,
                null,
                NOW,
                NOW,
                1,
                List.of());
    }
}
