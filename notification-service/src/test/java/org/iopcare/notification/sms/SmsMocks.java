package org.iopcare.notification.sms;

import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The SMS package's package-private collaborators, mocked in the web slice ({@code NotificationWebSlice}). */
@MockitoBean(types = InboundReplies.class)
public interface SmsMocks {}
