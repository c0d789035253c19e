package org.iopcare.treatmentplan.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.iopcare.events.SessionKind;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.treatmentplan.TreatmentPlanIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Progress notes of individual sessions and check-ins: DAP or BIRP, objectives rated, versioned. */
class ProgressNoteIT extends TreatmentPlanIT {

    static final String CLINICIAN = NoteTestClient.CLINICIAN;

    static final String DAP = """
            {"format": "DAP", "data": "Reports two cravings this week, used urge surfing",
             "assessment": "Coping skills emerging", "plan": "Continue CBT, review triggers next session",
             "objectives": [{"objective": {"problem": 1, "goal": 1, "objective": 1}, "rating": "SOME_PROGRESS"}],
             "riskCheck": "NO_RISK_IDENTIFIED"}
            """;
    static final String BIRP = """
            {"format": "BIRP", "behavior": "Engaged, on time", "intervention": "Motivational interviewing",
             "response": "Named two reasons to stay abstinent", "plan": "Check in on Friday",
             "objectives": [{"objective": {"problem": 1, "goal": 1, "objective": 1}, "rating": "SIGNIFICANT_PROGRESS"}],
             "riskCheck": "NO_RISK_IDENTIFIED"}
            """;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aProgressNoteIsStructuredLinkedToObjectivesVersionedUntilSignedAndAmendedAfter() {
        NoteTestClient setup = new NoteTestClient(http, jdbc);
        UUID client = setup.clientsWithPlans(1).get(0);
        UUID individual =
                setup.sessions(List.of(client), SessionKind.INDIVIDUAL_THERAPY).get(0);
        UUID group = setup.sessions(List.of(client), SessionKind.GROUP).get(0);
        UUID checkIn =
                setup.sessions(List.of(client), SessionKind.CLINICIAN_CHECK_IN).get(0);
        setup.missed(List.of(client), List.of(checkIn));
        String path = "/api/clients/" + client + "/notes";

        // sections of the other format, a group session, a missed check-in, an objective not in the plan
        assertThat(post(path, individual, DAP.replace("\"data\"", "\"behavior\""))
                        .status())
                .isEqualTo(400);
        assertThat(post(path, group, DAP).json().get("type").asString()).endsWith("group-session");
        assertThat(post(path, checkIn, DAP).json().get("type").asString()).endsWith("client-absent");
        assertThat(post(path, individual, DAP.replace("\"goal\": 1", "\"goal\": 2"))
                        .json()
                        .get("type")
                        .asString())
                .endsWith("unknown-objective");

        Response created = post(path, individual, DAP);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String note = "/api/notes/" + created.json().get("id").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().get("kind").asString()).isEqualTo("INDIVIDUAL_THERAPY");

        Response edited = put(note, "{\"basedOnVersion\": 1, \"content\": {\"progress\": " + BIRP + "}}");
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        assertThat(edited.json().get("currentVersion").asInt()).isEqualTo(2);
        assertThat(put(note, "{\"basedOnVersion\": 1, \"content\": {\"progress\": " + DAP + "}}")
                        .status())
                .isEqualTo(409);

        Response signed = http.postJson(note + "/sign", CLINICIAN, "");
        assertThat(signed.status()).as(signed.text()).isEqualTo(200);
        assertThat(signed.json().get("status").asString()).isEqualTo("SIGNED");
        assertThat(http.postJson(note + "/addenda", CLINICIAN, "{\"text\": \"Risk re-checked by phone\"}")
                        .status())
                .isEqualTo(201);
        JsonNode after = http.get(note, CLINICIAN).json();
        assertThat(after.get("content").get("progress").get("format").asString())
                .isEqualTo("BIRP");
        assertThat(after.get("content")
                        .get("progress")
                        .get("objectives")
                        .get(0)
                        .get("rating")
                        .asString())
                .isEqualTo("SIGNIFICANT_PROGRESS");
        assertThat(after.get("addenda")).hasSize(1);
        JsonNode versions = http.get(note + "/versions", CLINICIAN).json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("content").get("progress").get("format").asString())
                .isEqualTo("DAP");
    }

    private Response post(String path, UUID session, String progress) {
        return http.postJson(path, CLINICIAN, "{\"sessionId\": \"" + session + "\", \"progress\": " + progress + "}");
    }

    private Response put(String path, String body) {
        return http.exchange(HttpMethod.PUT, path, CLINICIAN, MediaType.APPLICATION_JSON, body);
    }
}
