package org.iopcare.support;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.iopcare.support.audit.AuditChain;
import org.iopcare.support.audit.AuditReview;
import org.iopcare.support.security.HandlerAuthorizationConfiguration;
import org.iopcare.support.security.SecurityConfiguration;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemResponses;
import org.iopcare.support.web.WebEdgeConfiguration;
import org.iopcare.support.work.WorkItemAccess;
import org.iopcare.support.work.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web slice of service-support's own controllers (the audit trail's review, the work items),
 * which every service serves: the controllers of those packages, service-support's security (the JWT
 * resource server, roles decided before the body is read), edge rules and problem responses, with
 * their collaborators mocked. A request carries a verified token's claims (Spring Security's test
 * support stands in for the token's signature check); one without is refused by the real filter
 * chain. The tests declare no mocks or properties of their own, so the context is built once for
 * all of them.
 */
@WebMvcTest
@ContextConfiguration(classes = SupportWebSlice.App.class)
@MockitoBean(types = {AuditReview.class, AuditChain.class, WorkItems.class, WorkItemAccess.class, JwtDecoder.class})
public abstract class SupportWebSlice {

    /** The slice's now: Monday 2026-12-07T14:00:00Z. */
    protected static final Instant NOW = Instant.parse("2026-12-07T14:00:00Z");

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @SpringBootConfiguration
    @ComponentScan(
            basePackages = {"org.iopcare.support.audit", "org.iopcare.support.work"},
            useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(RestController.class))
    @Import({
        SecurityConfiguration.class,
        HandlerAuthorizationConfiguration.class,
        WebEdgeConfiguration.class,
        ProblemResponses.class
    })
    static class App {

        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @Autowired
    protected MockMvc mvc;

    /** Sends the request as {@code subject}, a staff member holding this role (a verified token's claims). */
    protected static MockHttpServletRequestBuilder as(
            String subject, StaffRole role, MockHttpServletRequestBuilder request) {
        return request.with(
                jwt().jwt(token -> token.subject(subject)).authorities(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    /** An RFC 9457 problem response with this status. */
    protected static ResultMatcher problem(int status) {
        return result -> {
            status().is(status).match(result);
            content()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .match(result);
            jsonPath("$.status").value(status).match(result);
        };
    }

    /** A 400 problem naming this parameter or body field ({@code name}, or {@code method.name}). */
    protected static ResultMatcher invalidField(String field) {
        return result -> {
            problem(400).match(result);
            jsonPath("$.errors[*].field", hasItem(anyOf(equalTo(field), endsWith("." + field))))
                    .match(result);
        };
    }
}
