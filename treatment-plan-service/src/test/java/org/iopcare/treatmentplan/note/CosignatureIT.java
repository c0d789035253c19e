package org.iopcare.treatmentplan.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.iopcare.events.SessionKind;
import org.iopcare.support.caseload.CareTeamProjection;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.work.WorkItemState;
import org.iopcare.support.work.WorkItems;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.treatmentplan.TreatmentPlanIT;
import org.iopcare.treatmentplan.plan.Cosignatures;
import org.iopcare.treatmentplan.plan.PlanTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A counsellor ({@code iopcare.plans.cosignature.staff} in the tests' settings) signs a note and
 * writes a plan version: both wait for a supervisor, as work items in the supervisors' queue.
 */
class CosignatureIT extends TreatmentPlanIT {

    static final String COUNSELLOR = TestTokens.bearerFor(COSIGNED_COUNSELLOR, StaffRole.CLINICIAN);
    static final String SUPERVISOR = TestTokens.bearerFor("sup-sam", StaffRole.CLINICAL_SUPERVISOR);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WorkItems items;

    @Autowired
    CareTeamProjection careTeams;

    @Test
    void aCounsellorsNoteAndPlanVersionWaitForASupervisorsCosignatureInTheSupervisorsQueue() {
        NoteTestClient setup = new NoteTestClient(http, jdbc);
        UUID client = setup.clientsWithPlans(1).get(0);
        careTeams.replace(careTeam(client, "clin-ada", "staff-test", COSIGNED_COUNSELLOR));
        UUID session =
                setup.sessions(List.of(client), SessionKind.INDIVIDUAL_THERAPY).get(0);
        String body = "{\"sessionId\": \"" + session + "\", \"progress\": " + ProgressNoteIT.DAP + "}";
        Response created = http.postJson("/api/clients/" + client + "/notes", COUNSELLOR, body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String note = "/api/notes/" + created.json().get("id").asString();

        Response signed = http.postJson(note + "/sign", COUNSELLOR, "");
        assertThat(signed.status()).as(signed.text()).isEqualTo(200);
        assertThat(signed.json().get("status").asString()).isEqualTo("PENDING_COSIGNATURE");
        String key =
                Cosignatures.noteKey(UUID.fromString(created.json().get("id").asString()));
        assertThat(items.bySourceKey(key)).get().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(Cosignatures.COSIGNATURE_DUE);
            assertThat(item.ownerQueue()).isEqualTo("CLINICAL_SUPERVISOR");
            assertThat(http.get("/api/work-items?owner=CLINICAL_SUPERVISOR", SUPERVISOR)
                            .text())
                    .contains(item.id().toString());
        });
        // signed by the counsellor: no second version, and a clinician cannot co-sign
        assertThat(http.postJson(note + "/cosign", TestTokens.bearer(StaffRole.CLINICIAN), "")
                        .status())
                .isEqualTo(403);
        Response cosigned = http.postJson(note + "/cosign", SUPERVISOR, "");
        assertThat(cosigned.status()).as(cosigned.text()).isEqualTo(200);
        assertThat(cosigned.json().get("status").asString()).isEqualTo("SIGNED");
        assertThat(cosigned.json().get("cosignedBy").asString()).isEqualTo("sup-sam");
        assertThat(items.bySourceKey(key)).get().extracting(i -> i.state()).isEqualTo(WorkItemState.DONE);
        assertThat(http.postJson(note + "/cosign", SUPERVISOR, "").status()).isEqualTo(409);

        // a plan version written by the counsellor cannot be activated before it is co-signed
        UUID plan = setup.planOf(client);
        Response written = http.postJson(
                "/api/plans/" + plan + "/versions", COUNSELLOR, PlanTestClient.versionBody(1, "Counsellor"));
        assertThat(written.status()).as(written.text()).isEqualTo(201);
        String activate = "/api/plans/" + plan + "/activate";
        Response early = http.postJson(activate, SUPERVISOR, PlanTestClient.activationBody(2));
        assertThat(early.status()).as(early.text()).isEqualTo(409);
        assertThat(http.get("/api/plans/" + plan + "/versions", SUPERVISOR)
                        .json()
                        .get(1)
                        .get("awaitingCosignature")
                        .asBoolean())
                .isTrue();
        Response versionCosigned = http.postJson("/api/plans/" + plan + "/versions/2/cosign", SUPERVISOR, "");
        assertThat(versionCosigned.status()).as(versionCosigned.text()).isEqualTo(200);
        assertThat(http.postJson(activate, SUPERVISOR, PlanTestClient.activationBody(2))
                        .status())
                .isEqualTo(200);
    }
}
