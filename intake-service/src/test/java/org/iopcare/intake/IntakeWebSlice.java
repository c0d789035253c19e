package org.iopcare.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.iopcare.intake.careteam.CareTeams;
import org.iopcare.intake.client.ClientMocks;
import org.iopcare.intake.client.Clients;
import org.iopcare.intake.inquiry.Inquiries;
import org.iopcare.intake.ratelimit.RateLimitProperties;
import org.iopcare.intake.screening.Screenings;
import org.iopcare.support.audit.AuditedClients;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.fhir.FhirConfiguration;
import org.iopcare.support.security.HandlerAuthorizationConfiguration;
import org.iopcare.support.security.SecurityConfiguration;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.staff.StaffDirectory;
import org.iopcare.support.web.ProblemResponses;
import org.iopcare.support.web.WebEdgeConfiguration;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.testsupport.WebSlices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The web slice of intake, shared by every controller's slice test so that they run in one Spring
 * context: all controllers, the service's own security (JWT resource server, handler
 * authorization), the edge rules and problem responses, with the use cases behind the controllers
 * mocked. What the slice proves is the HTTP contract (statuses, validation, problem bodies, who may
 * call); what the use cases do with PostgreSQL and Kafka stays with the ITs. A package's
 * package-private collaborators are mocked by an interface of that package ({@link ClientMocks}).
 * Every slice test extends this class and declares no mocks or properties of its own, so the
 * context is built once for them all.
 */
@WebMvcTest(
        includeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.iopcare\\.intake\\.config\\..*"))
@Import({
    SecurityConfiguration.class,
    HandlerAuthorizationConfiguration.class,
    WebEdgeConfiguration.class,
    ProblemResponses.class,
    FhirConfiguration.class,
    IntakeWebSlice.FixedClock.class
})
@MockitoBean(
        types = {
            Inquiries.class,
            Screenings.class,
            Clients.class,
            CareTeams.class,
            Caseload.class,
            AuditedClients.class,
            StaffDirectory.class,
            JdbcTemplate.class
        })
public abstract class IntakeWebSlice implements ClientMocks {

    /** The slice's now: 2026-12-07T09:00:00Z. */
    public static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    /** The clock and the settings of what the slice runs for real (the inquiry form's rate limit). */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RateLimitProperties.class)
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        WebSlices.trustTestTokens(registry);
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Inquiries inquiries;

    @Autowired
    protected Caseload caseload;

    /** Sends the request with a staff token holding this role. */
    protected static MockHttpServletRequestBuilder as(StaffRole role, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearerFor("staff-" + role, role));
    }

    /** A JSON body. */
    protected static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
