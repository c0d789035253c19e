package org.iopcare.treatmentplan.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import org.iopcare.treatmentplan.plan.PlanTestClient;
import org.iopcare.treatmentplan.plan.ReviewSchedule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
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
                clinicToday(),
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
                .isEqualTo(clinicToday().toString());
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

    @Test
    void aDischargeDatedAheadKeepsThePlanOpenUntilItsDayThenClosesItOnce() {
        NoteTestClient setup = new NoteTestClient(http, jdbc);
        LocalDate today = clinicToday();
        UUID client = setup.clientsWithPlans(1, today.minusDays(3)).get(0);
        UUID plan = setup.planOf(client);
        UUID enrollment =
                jdbc.queryForObject("SELECT enrollment_id FROM treatment_plan WHERE client_id = ?", UUID.class, client);
        LocalDate day = today.plusDays(2);
        ClientDischarged discharged = new ClientDischarged(
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                client,
                enrollment,
                day,
                DischargeReason.LEFT_PROGRAM);
        TestKafka.publish(discharged);
        TestKafka.publish(discharged);
        await().atMost(NoteTestClient.PATIENCE).until(() -> held(client) == 1);

        // until the day: open, editable, no summary
        assertThat(planStatus(client)).isEqualTo("DRAFT");
        Response edited = http.postJson(
                "/api/plans/" + plan + "/versions", CLINICIAN, PlanTestClient.versionBody(1, "Before the discharge"));
        assertThat(edited.status()).as(edited.text()).isEqualTo(201);
        ZoneId clinic = ZoneId.of("America/New_York");
        DischargesDue dayBefore = due(day.minusDays(1).atTime(23, 59).atZone(clinic));
        assertThat(dayBefore.closeDue()).isZero();
        assertThat(planStatus(client)).isEqualTo("DRAFT");
        assertThat(summaries(client)).isEmpty();

        // on the day: closed, summary drafted with the day as discharge date
        assertThat(due(day.atStartOfDay(clinic).plusMinutes(1)).closeDue()).isEqualTo(1);
        assertThat(planStatus(client)).isEqualTo("CLOSED");
        assertThat(held(client)).isZero();
        assertThat(summaries(client)).singleElement().satisfies(summary -> {
            JsonNode facts = summary.get("content").get("discharge").get("facts");
            assertThat(facts.get("dischargeDate").asString()).isEqualTo(day.toString());
            assertThat(facts.get("reason").asString()).isEqualTo("LEFT_PROGRAM");
        });

        // redelivered afterwards: nothing changes (a later event of the client, on the same
        // partition, shows it was consumed); the check again finds nothing
        TestKafka.publish(discharged);
        ClientDischarged marker = new ClientDischarged(
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                client,
                enrollment,
                day.plusDays(30),
                DischargeReason.LEFT_PROGRAM);
        TestKafka.publish(marker);
        await().atMost(NoteTestClient.PATIENCE).until(() -> held(client) == 1);
        assertThat(jdbc.queryForObject(
                        "SELECT event_id FROM plan_discharge_due WHERE client_id = ?", UUID.class, client))
                .isEqualTo(marker.eventId());
        assertThat(due(day.atStartOfDay(clinic).plusHours(1)).closeDue()).isZero();
        assertThat(planStatus(client)).isEqualTo("CLOSED");
        assertThat(summaries(client)).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM treatment_plan WHERE client_id = ?", Integer.class, client))
                .isEqualTo(1);
        jdbc.update("DELETE FROM plan_discharge_due WHERE client_id = ?", client);
    }

    @Autowired
    DischargeSummaries dischargeSummaries;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ReviewSchedule reviewSchedule;

    /** The discharge check on a clock fixed at this moment. */
    private DischargesDue due(ZonedDateTime at) {
        return new DischargesDue(
                jdbc, dischargeSummaries, transactions, reviewSchedule, Clock.fixed(at.toInstant(), at.getZone()));
    }

    private int held(UUID client) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM plan_discharge_due WHERE client_id = ?", Integer.class, client);
    }

    private String planStatus(UUID client) {
        Response plan = http.get("/api/clients/" + client + "/plan", CLINICIAN);
        assertThat(plan.status()).as(plan.text()).isEqualTo(200);
        return plan.json().get("status").asString();
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
