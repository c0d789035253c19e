package org.iopcare.treatmentplan.note;

import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The note package's package-private collaborators, mocked in the web slice ({@code TreatmentPlanWebSlice}). */
@MockitoBean(types = NoteStore.class)
public interface NoteMocks {}
