package org.iopcare.scheduling.attendance;

import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The attendance package's package-private collaborators, mocked in the web slice ({@code SchedulingWebSlice}). */
@MockitoBean(types = {AttendanceRecorder.class, AttendanceViews.class})
public interface AttendanceMocks {}
