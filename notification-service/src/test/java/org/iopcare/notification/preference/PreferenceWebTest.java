package org.iopcare.notification.preference;

import static org.iopcare.testsupport.WebSlices.invalidField;
import static org.iopcare.testsupport.WebSlices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.iopcare.notification.NotificationWebSlice;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PreferenceWebTest extends NotificationWebSlice {

    @Autowired
    Preferences preferences;

    @Test
    void preferencesReadAs200AndAChangeBasedOnAnOlderVersionIsA409() throws Exception {
        UUID client = UUID.randomUUID();
        PreferenceView view = mock(PreferenceView.class);
        given(view.clientId()).willReturn(client);
        given(view.version()).willReturn(3L);
        given(preferences.view(client)).willReturn(view);
        given(preferences.change(eq(client), any(), eq("staff-SCHEDULER")))
                .willThrow(ProblemException.conflict("stale-version", "The preferences have changed"));

        mvc.perform(as(StaffRole.SCHEDULER, get("/api/clients/{id}/preferences", client)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3));
        mvc.perform(as(StaffRole.SCHEDULER, json(put("/api/clients/{id}/preferences", client), "{\"version\":2}")))
                .andExpect(problem(409, "stale-version"));
    }

    @Test
    void aChangeWithoutItsVersionOrWithTooManyOffsetsIsA400AndQuietHoursThatDoNotFitA422() throws Exception {
        UUID client = UUID.randomUUID();
        given(preferences.change(eq(client), any(), any()))
                .willThrow(ProblemException.unprocessable("quiet-hours", "Give both ends of the quiet hours"));

        mvc.perform(as(
                        StaffRole.INTAKE_COORDINATOR,
                        json(put("/api/clients/{id}/preferences", client), "{\"reminderOffsets\":[]}")))
                .andExpect(invalidField("version"))
                .andExpect(invalidField("reminderOffsets"));
        mvc.perform(as(
                        StaffRole.INTAKE_COORDINATOR,
                        json(
                                put("/api/clients/{id}/preferences", client),
                                "{\"version\":1,\"quietHoursStart\":\"21:00\"}")))
                .andExpect(problem(422, "quiet-hours"));
    }

    @Test
    void aClientOutsideTheCaseloadIs404AndOtherRolesAre403() throws Exception {
        UUID client = UUID.randomUUID();
        willThrow(ProblemException.notFound("Client")).given(caseload).require(eq(client), any(), any());

        mvc.perform(as(StaffRole.CLINICIAN, get("/api/clients/{id}/preferences", client)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(as(StaffRole.PRIVACY_OFFICER, json(put("/api/clients/{id}/preferences", client), "{}")))
                .andExpect(problem(403));
        mvc.perform(get("/api/clients/{id}/preferences", client)).andExpect(problem(401));
        verifyNoInteractions(preferences);
    }
}
