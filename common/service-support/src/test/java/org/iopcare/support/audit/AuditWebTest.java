package org.iopcare.support.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iopcare.support.SupportWebSlice;
import org.iopcare.support.security.StaffRole;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

/** The audit trail's review over HTTP: who may read it, its filters, and what bad input gets. */
class AuditWebTest extends SupportWebSlice {

    private static final UUID CLIENT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    @Autowired
    AuditReview review;

    @Autowired
    AuditChain chain;

    @Test
    void aPrivacyOfficerReadsTheTrailFilteredByClientActorAndUtcDays() throws Exception {
        ArgumentCaptor<AuditReview.Filter> filter = ArgumentCaptor.forClass(AuditReview.Filter.class);
        when(review.entries(filter.capture(), any()))
                .thenReturn(new PageImpl<>(List.of(entry()), PageRequest.of(1, 5), 6));

        mvc.perform(as(
                        "privacy-haddad",
                        StaffRole.PRIVACY_OFFICER,
                        get("/api/audit")
                                .param("clientId", CLIENT.toString())
                                .param("actor", "clin-okafor")
                                .param("from", "2026-12-01")
                                .param("to", "2026-12-08")
                                .param("page", "1")
                                .param("size", "5")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].actor").value("clin-okafor"))
                .andExpect(jsonPath("$.content[0].clientIds[0]").value(CLIENT.toString()));

        assertThat(filter.getValue())
                .isEqualTo(new AuditReview.Filter(
                        CLIENT,
                        "clin-okafor",
                        Instant.parse("2026-12-01T00:00:00Z"),
                        Instant.parse("2026-12-08T00:00:00Z")));
    }

    @Test
    void aRangeWhoseEndDoesNotFollowItsStartIsA422() throws Exception {
        mvc.perform(as(
                        "privacy-haddad",
                        StaffRole.PRIVACY_OFFICER,
                        get("/api/audit").param("from", "2026-12-08").param("to", "2026-12-08")))
                .andExpect(problem(422))
                .andExpect(jsonPath("$.type").value("https://iopcare.org/problems/bad-range"));
        verifyNoInteractions(review);
    }

    @Test
    void aMalformedFilterIsA400NamingTheParameter() throws Exception {
        for (String[] bad : new String[][] {
            {"clientId", "not-a-uuid"}, {"from", "7 Dec"}, {"size", "0"}, {"page", "-1"}, {"actor", ""}
        }) {
            mvc.perform(as(
                            "privacy-haddad",
                            StaffRole.PRIVACY_OFFICER,
                            get("/api/audit").param(bad[0], bad[1])))
                    .andExpect(invalidField(bad[0]));
        }
        verifyNoInteractions(review);
    }

    @Test
    void onlyPrivacyOfficersAndSupervisorsReadTheTrailAndNoTokenIsA401() throws Exception {
        mvc.perform(as("clin-okafor", StaffRole.CLINICIAN, get("/api/audit"))).andExpect(problem(403));
        mvc.perform(as("admin-pat", StaffRole.PROGRAM_ADMIN, get("/api/audit"))).andExpect(problem(403));
        mvc.perform(get("/api/audit")).andExpect(problem(401));
        verifyNoInteractions(review);
    }

    @Test
    void theChainsVerificationIsForPrivacyOfficersAndAdministrators() throws Exception {
        when(chain.verify())
                .thenReturn(new AuditChain.Verification(
                        false,
                        42,
                        new AuditChain.BrokenLink(17, 17, AuditChain.Problem.GAP),
                        new AuditChain.Head(42, "ab12")));

        mvc.perform(as("admin-pat", StaffRole.PROGRAM_ADMIN, get("/api/audit/verification")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.rows").value(42))
                .andExpect(jsonPath("$.firstBroken.chainSeq").value(17));
        mvc.perform(as("sup-lindqvist", StaffRole.CLINICAL_SUPERVISOR, get("/api/audit/verification")))
                .andExpect(problem(403));
        verify(chain).verify();
    }

    private static AuditReview.Entry entry() {
        return new AuditReview.Entry(
                7,
                NOW,
                "clin-okafor",
                List.of("CLINICIAN"),
                "READ",
                "GET",
                "/api/clients/{id}",
                CLIENT.toString(),
                List.of(CLIENT),
                "CASELOAD",
                null,
                200,
                "127.0.0.1",
                "r-1",
                "intake-service");
    }
}
