package org.iopcare.treatmentplan.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.SessionKind;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.treatmentplan.TreatmentPlanIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A group note from sessions and misses on the real broker: written once, one note per present
 * attendee in that client's record, none for the absent; signed, it changes only by addenda.
 */
class GroupNoteIT extends TreatmentPlanIT {

    static final String CLINICIAN = NoteTestClient.CLINICIAN;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGroupOfEightWithSixPresentYieldsSixSignedNotesAndAnAddendumLeavesTheSignedNoteAsItWas() {
        NoteTestClient setup = new NoteTestClient(http, jdbc);
        List<UUID> clients = setup.clientsWithPlans(8);
        List<UUID> sessions = setup.sessions(clients, SessionKind.GROUP);
        setup.missed(clients.subList(6, 8), sessions.subList(6, 8));

        Response withAbsent = http.postJson("/api/group-notes", CLINICIAN, groupNote(sessions));
        assertThat(withAbsent.status()).as(withAbsent.text()).isEqualTo(422);
        assertThat(withAbsent.json().get("type").asString()).endsWith("client-absent");
        assertThat(notesOf(clients.get(0))).isEmpty();

        Response created = http.postJson("/api/group-notes", CLINICIAN, groupNote(sessions.subList(0, 6)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String group = created.json().get("id").asString();
        assertThat(created.json().get("notes"))
                .hasSize(6)
                .allSatisfy(n -> assertThat(n.get("status").asString()).isEqualTo("DRAFT"));

        Response signed = http.postJson("/api/group-notes/" + group + "/sign", CLINICIAN, "");
        assertThat(signed.status()).as(signed.text()).isEqualTo(200);
        for (int i = 0; i < 6; i++) {
            JsonNode notes = notesOf(clients.get(i));
            assertThat(notes).hasSize(1);
            JsonNode note = notes.get(0);
            assertThat(note.get("status").asString()).isEqualTo("SIGNED");
            assertThat(note.get("signedBy").asString()).isEqualTo("staff-test");
            assertThat(note.get("sessionId").asString())
                    .isEqualTo(sessions.get(i).toString());
            assertThat(note.get("content").get("group").get("topic").asString()).isEqualTo("Coping with cravings");
            // only this client's part is in this client's record
            assertThat(note.get("content").get("attendee").get("comment").asString())
                    .isEqualTo("Attendee " + i + " shared a coping plan");
        }
        assertThat(notesOf(clients.get(6))).isEmpty();
        assertThat(notesOf(clients.get(7))).isEmpty();

        String noteId = notesOf(clients.get(0)).get(0).get("id").asString();
        JsonNode before = http.get("/api/notes/" + noteId, CLINICIAN).json();
        Response edit = http.exchange(
                org.springframework.http.HttpMethod.PUT,
                "/api/notes/" + noteId,
                CLINICIAN,
                org.springframework.http.MediaType.APPLICATION_JSON,
                "{\"basedOnVersion\": 1, \"content\": " + before.get("content") + "}");
        assertThat(edit.status()).as(edit.text()).isEqualTo(409);
        Response addendum = http.postJson(
                "/api/notes/" + noteId + "/addenda",
                CLINICIAN,
                "{\"text\": \"Late entry: client called after group\"}");
        assertThat(addendum.status()).as(addendum.text()).isEqualTo(201);
        JsonNode after = http.get("/api/notes/" + noteId, CLINICIAN).json();
        assertThat(after.get("content")).isEqualTo(before.get("content"));
        assertThat(after.get("currentVersion").asInt()).isEqualTo(1);
        assertThat(after.get("status").asString()).isEqualTo("SIGNED");
        assertThat(after.get("addenda"))
                .singleElement()
                .satisfies(
                        a -> assertThat(a.get("text").asString()).isEqualTo("Late entry: client called after group"));
        assertThat(http.get("/api/notes/" + noteId + "/versions", CLINICIAN).json())
                .hasSize(1);

        // the same session cannot be documented twice
        Response again = http.postJson("/api/group-notes", CLINICIAN, groupNote(sessions.subList(0, 1)));
        assertThat(again.status()).as(again.text()).isEqualTo(409);
    }

    private JsonNode notesOf(UUID client) {
        Response response = http.get("/api/clients/" + client + "/notes", CLINICIAN);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static String groupNote(List<UUID> sessions) {
        List<String> attendees = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            attendees.add("""
                    {"sessionId": "%s", "part": {"participation": "ACTIVE",
                      "objective": {"problem": 1, "goal": 1, "objective": 1}, "progress": "SOME_PROGRESS",
                      "riskCheck": "NO_RISK_IDENTIFIED", "comment": "Attendee %d shared a coping plan"}}
                    """.formatted(sessions.get(i), i));
        }
        return """
                {"group": {"topic": "Coping with cravings", "modality": "GROUP_THERAPY",
                           "interventions": ["CBT urge surfing", "relapse-prevention role play"]},
                 "attendees": [%s]}
                """.formatted(String.join(",", attendees));
    }
}
