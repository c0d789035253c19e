package org.iopcare.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.iopcare.scheduling.attendance.AttendanceMocks;
import org.iopcare.scheduling.config.SchedulingProperties;
import org.iopcare.scheduling.enrollment.ClientEnrollments;
import org.iopcare.scheduling.schedule.Cancellations;
import org.iopcare.scheduling.schedule.ScheduleMocks;
import org.iopcare.scheduling.track.Tracks;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.fhir.FhirConfiguration;
import org.iopcare.support.security.HandlerAuthorizationConfiguration;
import org.iopcare.support.security.SecurityConfiguration;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemResponses;
import org.iopcare.support.web.WebEdgeConfiguration;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.testsupport.WebSlices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
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
 * The web slice of scheduling, shared by every controller's slice test so that they run in one
 * Spring context: all controllers, the service's own security (JWT resource server, handler
 * authorization), the edge rules and problem responses, with the use cases and stores behind the
 * controllers mocked (a package's package-private ones by an interface of that package: {@link
 * AttendanceMocks}, {@link ScheduleMocks}). Every slice test extends this class and declares no
 * mocks or properties of its own, so the context is built once for them all.
 */
@WebMvcTest
@Import({
    SecurityConfiguration.class,
    HandlerAuthorizationConfiguration.class,
    WebEdgeConfiguration.class,
    ProblemResponses.class,
    FhirConfiguration.class,
    SchedulingWebSlice.FixedClock.class
})
@MockitoBean(types = {Cancellations.class, ClientEnrollments.class, Tracks.class, Caseload.class, JdbcTemplate.class})
public abstract class SchedulingWebSlice implements AttendanceMocks, ScheduleMocks {

    /** The slice's now: Monday 2026-12-07T14:00:00Z. */
    public static final Instant NOW = Instant.parse("2026-12-07T14:00:00Z");

    /** The clock and the settings the controllers read. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SchedulingProperties.class)
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
