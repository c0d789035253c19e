package org.iopcare.notification.optout;

import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The opt-out package's package-private collaborators, mocked in the web slice ({@code NotificationWebSlice}). */
@MockitoBean(types = EmailOptOuts.class)
public interface OptOutMocks {}
