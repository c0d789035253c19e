package org.iopcare.intake;

import org.iopcare.intake.careteam.CareTeams;
import org.iopcare.intake.client.ClientMocks;
import org.iopcare.intake.client.Clients;
import org.iopcare.intake.inquiry.Inquiries;
import org.iopcare.intake.ratelimit.RateLimitProperties;
import org.iopcare.intake.screening.Screenings;
import org.iopcare.support.audit.AuditedClients;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.support.staff.StaffDirectory;
import org.iopcare.testsupport.WebSliceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The web slice of intake, shared by every controller's slice test so that they run in one Spring
 * context: all controllers, the service's own security (JWT resource server, handler
 * authorization), the edge rules and problem responses, the inquiry form's rate limit, with the use
 * cases behind the controllers mocked. What the slice proves is the HTTP contract (statuses,
 * validation, problem bodies, who may call); what the use cases do with PostgreSQL and Kafka stays
 * with the ITs. A package's package-private collaborators are mocked by an interface of that
 * package ({@link ClientMocks}).
 */
@WebMvcTest(
        includeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.iopcare\\.intake\\.config\\..*"))
@EnableConfigurationProperties(RateLimitProperties.class)
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
public abstract class IntakeWebSlice extends WebSliceTest implements ClientMocks {

    @Autowired
    protected Inquiries inquiries;

    @Autowired
    protected Caseload caseload;
}
