package org.iopcare.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.iopcare.support.security.HandlerAuthorizationConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The edge rules on a small controller: every refusal a 4xx problem that repeats nothing sent. */
@WebMvcTest(properties = "iopcare.web.max-request-size=2KB")
class EdgeRulesWebTest {

    static final AtomicInteger handled = new AtomicInteger();

    record Note(@NotBlank String author, String text, List<String> tags, LocalDate day, Instant at) {}

    @RestController
    static class Notes {

        @PostMapping("/api/notes")
        @PreAuthorize("hasRole('CLINICIAN')")
        String add(@Valid @RequestBody Note note) {
            handled.incrementAndGet();
            return "ok";
        }

        @GetMapping("/api/notes/{code}")
        @PreAuthorize("hasRole('CLINICIAN')")
        String find(
                @PathVariable String code,
                @RequestParam(required = false) String q,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestHeader(name = "Idempotency-Key", required = false) String key) {
            handled.incrementAndGet();
            if (code.equals("missing")) {
                throw ProblemException.notFound("Note");
            }
            return "ok";
        }
    }

    @SpringBootConfiguration
    @EnableMethodSecurity
    @Import({Notes.class, ProblemResponses.class, WebEdgeConfiguration.class, HandlerAuthorizationConfiguration.class})
    static class App {}

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void reset() {
        handled.set(0);
    }

    static RequestPostProcessor clinician() {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_CLINICIAN"));
    }

    static RequestPostProcessor scheduler() {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_SCHEDULER"));
    }

    private MvcResult postNote(String json, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/notes")
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn();
    }

    private static void assertProblem(MvcResult result, int status, String... notEchoed) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String body = result.getResponse().getContentAsString();
        assertThat(body).doesNotContain("\"instance\"");
        for (String value : notEchoed) {
            assertThat(body).doesNotContain(value);
        }
    }

    @Test
    void aControlCharacterInAnyBodyStringIsA400NamingTheFieldAndNothingRuns() throws Exception {
        MvcResult nul = postNote("{\"author\":\"Sam\",\"text\":\"secret\\u0000diagnosis\"}", clinician());
        assertProblem(nul, 400, "secret", "diagnosis");
        assertThat(nul.getResponse().getContentAsString()).contains("text").contains("control character");

        assertProblem(postNote("{\"author\":\"Sam\",\"tags\":[\"ok\",\"b\\u0007ell\"]}", clinician()), 400, "ell");
        assertProblem(postNote("{\"author\":\"Sam\\u001b[31m\"}", clinician()), 400);
        assertThat(handled).hasValue(0);

        MvcResult lines = postNote("{\"author\":\"Sam\",\"text\":\"line one\\r\\nline\\ttwo\"}", clinician());
        assertThat(lines.getResponse().getStatus()).isEqualTo(200);
        assertThat(handled).hasValue(1);
    }

    @Test
    void datesOutsideTheYears1900To2200InABodyAreA400() throws Exception {
        for (String date : List.of("\"day\":\"+6000000-01-01\"", "\"day\":\"-4800-01-01\"", "\"day\":\"1899-12-31\"")) {
            MvcResult result = postNote("{\"author\":\"Sam\"," + date + "}", clinician());
            assertProblem(result, 400, "6000000", "4800", "1899");
            assertThat(result.getResponse().getContentAsString()).contains("day");
        }
        for (Instant instant : List.of(Instant.MIN, Instant.MAX)) {
            assertProblem(postNote("{\"author\":\"Sam\",\"at\":\"" + instant + "\"}", clinician()), 400);
        }
        assertThat(handled).hasValue(0);
        assertThat(postNote("{\"author\":\"Sam\",\"day\":\"2200-12-31\",\"at\":\"1900-01-01T00:00:00Z\"}", clinician())
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void queryParametersPathVariablesAndBoundHeadersFollowTheSameRules() throws Exception {
        mvc.perform(get("/api/notes/a").param("from", "+6000000-01-01").with(clinician()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/notes/a").param("q", "x\u0000y").with(clinician()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/api/notes/{code}", "a\u0001b").with(clinician()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(get("/api/notes/a").header("Idempotency-Key", "k\u0002").with(clinician()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(handled).hasValue(0);
        mvc.perform(get("/api/notes/a").param("from", "2026-01-05").with(clinician()))
                .andExpect(status().isOk());
    }

    @Test
    void aRoleWithoutAccessIsRefusedBeforeItsBodyIsValidated() throws Exception {
        assertProblem(postNote("{\"author\":\"\"}", scheduler()), 403);
        assertProblem(postNote("not json", scheduler()), 403);
        assertProblem(postNote("{\"author\":\"\"}", clinician()), 400);
        assertThat(handled).hasValue(0);
    }

    @Test
    void aBodyAboveTheLimitIsA413BeforeAnythingReadsIt() throws Exception {
        String big = "{\"author\":\"Sam\",\"text\":\"" + "x".repeat(3000) + "\"}";
        assertProblem(postNote(big, clinician()), 413);
        assertThat(handled).hasValue(0);
    }

    @Test
    void problemsRepeatNeitherThePathNorItsIds() throws Exception {
        MvcResult missing = mvc.perform(get("/api/notes/missing").with(clinician()))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn();
        assertProblem(missing, 404, "missing", "/api/notes");

        MvcResult unknown = mvc.perform(get("/api/nothing-here-sam-rivera").with(clinician()))
                .andReturn();
        assertProblem(unknown, 404, "sam-rivera", "nothing-here");

        MvcResult method = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/notes/x")
                                .with(clinician()))
                .andReturn();
        assertProblem(method, 405, "DELETE", "/api/notes");
    }
}
