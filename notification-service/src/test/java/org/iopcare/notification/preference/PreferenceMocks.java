package org.iopcare.notification.preference;

import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The preference package's package-private collaborators, mocked in the web slice ({@code NotificationWebSlice}). */
@MockitoBean(types = Preferences.class)
public interface PreferenceMocks {}
