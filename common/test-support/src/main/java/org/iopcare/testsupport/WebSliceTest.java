package org.iopcare.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.iopcare.support.fhir.FhirConfiguration;
import org.iopcare.support.security.HandlerAuthorizationConfiguration;
import org.iopcare.support.security.SecurityConfiguration;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemResponses;
import org.iopcare.support.web.WebEdgeConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What every service's web slice (its {@code @WebMvcTest} base class) shares: service-support's web
 * layer (the JWT resource server trusting {@link TestTokens}, roles decided before the body is read,
 * the edge rules, problem responses, the FHIR read API's pieces), a fixed clock, and requests sent
 * as a member of staff. The tests of a service declare no properties or mocks of their own, so its
 * slice context is built once for all of them.
 */
@Import({
    SecurityConfiguration.class,
    HandlerAuthorizationConfiguration.class,
    WebEdgeConfiguration.class,
    ProblemResponses.class,
    FhirConfiguration.class,
    WebSliceTest.FixedClock.class
})
public abstract class WebSliceTest {

    /** The slice's now: Monday 2026-12-07T14:00:00Z. */
    public static final Instant NOW = Instant.parse("2026-12-07T14:00:00Z");

    /** The clock the controllers read; a slice imports it. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        WebSlices.trustTestTokens(registry);
    }

    /**
     * The slice's tokens are issued at its fixed now: its decoder judges their expiry and lifetime
     * by that clock, and a token of the real time would be refused once the real time is more than
     * the longest token lifetime (12 h) past it.
     */
    @BeforeAll
    static void issueTokensAtTheSlicesNow() {
        TestTokens.issueAt(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void issueTokensAtTheRealTime() {
        TestTokens.issueAt(Clock.systemUTC());
    }

    @Autowired
    protected MockMvc mvc;

    /** Sends the request with a staff token holding this role, for subject {@code staff-<ROLE>}. */
    protected static MockHttpServletRequestBuilder as(StaffRole role, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearerFor("staff-" + role, role));
    }

    /** A JSON body. */
    protected static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
