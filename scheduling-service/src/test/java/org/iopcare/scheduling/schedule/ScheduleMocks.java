package org.iopcare.scheduling.schedule;

import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The schedule package's package-private collaborators, mocked in the web slice ({@code SchedulingWebSlice}). */
@MockitoBean(
        types = {
            ClinicianAvailability.class,
            ClosureWithdrawal.class,
            ClosureStore.class,
            ScheduleStore.class,
            SessionStore.class,
            ManualBooking.class,
            MakeUps.class,
            Reschedules.class
        })
public interface ScheduleMocks {}
