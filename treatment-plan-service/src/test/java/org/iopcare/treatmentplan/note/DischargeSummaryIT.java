package org.iopcare.treatmentplan.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.iopcare.events.ClientDischarged;
import org.iopcare.events.DischargeReason;
import org.iopcare.events.SessionKind;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.treatmentplan.TreatmentPlanIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** A discharge on the broker drafts the summary with the record's figures, for the primary clinician. */
class DischargeSummaryIT extends TreatmentPlanIT {

    static final String CLINICIAN = NoteTestClient.CLINICIAN;
    static final String PRIMARY = TestTokens.bearerFor("clin-ada", StaffRole.CLINICIAN);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDischargeDraftsTheSummaryWithCorrectFiguresForTheClinicianToCompleteAndSign() {
        NoteTestClient setup = new NoteTestClient(http, jdbc);
        LocalDate start = LocalDate.now().minusDays(1);
        UUID client = setup.clientsWithPlans(1, start).get(0);
        List<UUID> sessions = setup.sessions(List.of(client, client, client), SessionKind.GROUP);
        setup.missed(List.of(client), sessions.subList(2, 3));
        String assessments = "/api/clients/" + client + "/assessments";
        assertThat(http.postJson(assessments, CLINICIAN, answers("PHQ9", "[2,2,2,2,2,2,1,2,0]"))
                        .status())
                .isEqualTo(201);
        assertThat(http.postJson(assessments, CLINICIAN, answers("PHQ9", "[1,1,1,1,1,1,1,1,0]"))
                        .status())
                .isEqualTo(201);
        assertThat(http.postJson(assessments, CLINICIAN, answers("GAD7", "[1,1,1,1,1,1,1]"))
                        .status())
                .isEqualTo(201);
        UUID enrollment =
                jdbc.queryForObject("SELECT enrollment_id FROM treatment_plan WHERE client_id = ?", UUID.class, client);
        ClientDischarged discharged = new ClientDischarged(
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                client,
                enrollment,
                LocalDate.now(),
                DischargeReason.COMPLETED);
        TestKafka.publish(discharged);
        TestKafka.publish(discharged);

        JsonNode summary = await().atMost(NoteTestClient.PATIENCE)
                .until(() -> summaries(client), list -> !list.isEmpty())
                .get(0);
        assertThat(summary.get("status").asString()).isEqualTo("DRAFT");
        assertThat(summary.get("author").asString()).isEqualTo("clin-ada");
        assertThat(summary.get("sessionId").isNull()).isTrue();
        JsonNode facts = summary.get("content").get("discharge").get("facts");
        assertThat(facts.get("startDate").asString()).isEqualTo(start.toString());
        assertThat(facts.get("dischargeDate").asString())
                .isEqualTo(LocalDate.now().toString());
        assertThat(facts.get("levelOfCare").asString()).isEqualTo("IOP");
        assertThat(facts.get("sessionsAttended").asInt()).isEqualTo(2);
        assertThat(facts.get("sessionsMissed").asInt()).isEqualTo(1);
        assertThat(facts.get("phq9").toString()).isEqualTo("{\"first\":15,\"last\":8,\"change\":-7}");
        assertThat(facts.get("gad7").toString()).isEqualTo("{\"first\":7,\"last\":7,\"change\":0}");
        assertThat(facts.get("goals")).singleElement().satisfies(goal -> {
            assertThat(goal.get("measureMet").asBoolean()).isTrue();
            assertThat(goal.get("objectives").get(0).get("status").asString()).isEqualTo("IN_PROGRESS");
        });
        assertThat(facts.get("reason").asString()).isEqualTo("COMPLETED");

        String note = "/api/notes/" + summary.get("id").asString();
        Response early = http.postJson(note + "/sign", PRIMARY, "");
        assertThat(early.status()).as(early.text()).isEqualTo(422);
        // the facts are the record's: what an edit sends for them is not kept
        Response completed = http.exchange(HttpMethod.PUT, note, PRIMARY, MediaType.APPLICATION_JSON, """
                {"basedOnVersion": 1, "content": {"discharge": {"facts": {"sessionsAttended": 99},
                  "aftercare": "Weekly outpatient therapy, SMART Recovery meetings",
                  "referrals": [{"levelOfCare": "OUTPATIENT", "provider": "Riverside Counseling"}]}}}
                """);
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
        assertThat(completed.json().get("content").get("discharge").get("facts"))
                .isEqualTo(facts);
        Response signed = http.postJson(note + "/sign", PRIMARY, "");
        assertThat(signed.status()).as(signed.text()).isEqualTo(200);
        assertThat(signed.json().get("status").asString()).isEqualTo("SIGNED");
        assertThat(summaries(client)).hasSize(1);
    }

    private List<JsonNode> summaries(UUID client) {
        JsonNode notes =
                http.get("/api/clients/" + client + "/notes", CLINICIAN).json();
        return StreamSupport.stream(notes.spliterator(), false)
                .filter(n -> n.get("kind").asString().equals("DISCHARGE_SUMMARY"))
                .toList();
    }

    private static String answers(String instrument, String answers) {
        return "{\"instrument\": \"" + instrument + "\", \"answers\": " + answers + "}";
    }
}
