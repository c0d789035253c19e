package org.iopcare.scheduling;

import org.iopcare.scheduling.attendance.AttendanceMocks;
import org.iopcare.scheduling.config.SchedulingProperties;
import org.iopcare.scheduling.enrollment.ClientEnrollments;
import org.iopcare.scheduling.schedule.Cancellations;
import org.iopcare.scheduling.schedule.ScheduleMocks;
import org.iopcare.scheduling.track.Tracks;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.testsupport.WebSliceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The web slice of scheduling, shared by every controller's slice test so that they run in one
 * Spring context: all controllers, the service's own security (JWT resource server, handler
 * authorization), the edge rules and problem responses, with the use cases and stores behind the
 * controllers mocked (a package's package-private ones by an interface of that package: {@link
 * AttendanceMocks}, {@link ScheduleMocks}).
 */
@WebMvcTest
@EnableConfigurationProperties(SchedulingProperties.class)
@MockitoBean(types = {Cancellations.class, ClientEnrollments.class, Tracks.class, Caseload.class, JdbcTemplate.class})
public abstract class SchedulingWebSlice extends WebSliceTest implements AttendanceMocks, ScheduleMocks {

    @Autowired
    protected Caseload caseload;
}
