package org.iopcare.intake.client;

import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The client package's package-private collaborators, mocked in the web slice ({@code IntakeWebSlice}). */
@MockitoBean(types = ClientSearch.class)
public interface ClientMocks {}
