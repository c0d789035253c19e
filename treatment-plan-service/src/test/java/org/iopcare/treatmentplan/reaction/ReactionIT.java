package org.iopcare.treatmentplan.reaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.AttendanceBelowMinimum;
import org.iopcare.events.IntegrationEvent;
import org.iopcare.events.PlanChangeType;
import org.iopcare.events.PlanUpdated;
import org.iopcare.events.SessionMissed;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.treatmentplan.TreatmentPlanIT;
import org.iopcare.treatmentplan.plan.PlanTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class ReactionIT extends TreatmentPlanIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String CLINICIAN = TestTokens.bearer(StaffRole.CLINICIAN);

    @Autowired
    JdbcTemplate jdbc;

    static SessionMissed missed(UUID client, Instant startsAt, int inARow, int inWindow) {
        return new SessionMissed(
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                client,
                UUID.randomUUID(),
                startsAt,
                inARow,
                inWindow);
    }

    @Test
    void twoMissedSessionsInARowFlagThePlanOnceWhateverTheRedeliveries() {
        PlanTestClient plans = new PlanTestClient(http);
        JsonNode plan = plans.enrolledClientPlan();
        UUID client = UUID.fromString(plan.get("clientId").asString());
        UUID planId = UUID.fromString(plan.get("id").asString());
        Instant monday = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        SessionMissed first = missed(client, monday, 1, 1);
        SessionMissed second = missed(client, monday.plus(2, ChronoUnit.DAYS), 2, 2);
        // a third miss while the flag is still open raises nothing new
        SessionMissed third = missed(client, monday.plus(3, ChronoUnit.DAYS), 3, 3);
        AttendanceBelowMinimum low = new AttendanceBelowMinimum(
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                client,
                LocalDate.now(),
                120,
                540,
                360);

        TestKafka.publishAll(List.<IntegrationEvent>of(first, first, second, second, third));
        TestKafka.publish(low);
        TestKafka.publish(low);

        List<PlanUpdated> flagged = PlanTestClient.awaitPlanUpdates(planId, 2);
        assertThat(flagged).extracting(PlanUpdated::changeType).containsOnly(PlanChangeType.FLAGGED);
        assertThat(flagged)
                .extracting(e -> e.reasonCodes())
                // two topics: the two flags may arrive either way round
                .containsExactlyInAnyOrder(List.of("MISSED_SESSIONS"), List.of("ATTENDANCE_BELOW_MINIMUM"));
        assertThat(flagged).allSatisfy(e -> assertThat(e.urgent()).isFalse());
        assertThat(flagged.get(0).status()).isEqualTo(org.iopcare.events.PlanStatus.REVIEW_REQUIRED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM missed_session WHERE client_id = ?", Long.class, client))
                .isEqualTo(3);
        JsonNode now = plans.plan(client);
        assertThat(now.get("status").asString()).isEqualTo("REVIEW_REQUIRED");
        assertThat(now.get("openFlags").toString()).contains("MISSED_SESSIONS").contains("ATTENDANCE_BELOW_MINIMUM");
    }

    @Test
    void assessmentsAreScoredTrendedAndASelfHarmAnswerFlagsUrgentlyWithoutTheAnswer() {
        PlanTestClient plans = new PlanTestClient(http);
        JsonNode plan = plans.enrolledClientPlan();
        UUID client = UUID.fromString(plan.get("clientId").asString());
        UUID planId = UUID.fromString(plan.get("id").asString());
        assertThat(plans.writeVersion(planId, 0, 10).status()).isEqualTo(201);
        String path = "/api/clients/" + client + "/assessments";

        Response baseline =
                http.postJson(path, CLINICIAN, "{\"instrument\": \"PHQ9\", \"answers\": [2,2,2,2,1,1,1,1,0]}");
        assertThat(baseline.status()).as(baseline.text()).isEqualTo(201);
        assertThat(baseline.json().get("total").asInt()).isEqualTo(12);
        assertThat(baseline.json().get("band").asString()).isEqualTo("MODERATE");
        Response gad = http.postJson(path, CLINICIAN, "{\"instrument\": \"GAD7\", \"answers\": [3,3,3,3,3,0,0]}");
        assertThat(gad.json().get("band").asString()).isEqualTo("SEVERE");
        Response better =
                http.postJson(path, CLINICIAN, "{\"instrument\": \"PHQ9\", \"answers\": [1,1,1,1,1,1,1,0,1]}");
        assertThat(better.json().get("total").asInt()).isEqualTo(8);
        assertThat(better.json().get("selfHarmItemPositive").asBoolean()).isTrue();
        assertThat(http.postJson(path, CLINICIAN, "{\"instrument\": \"PHQ9\", \"answers\": [1,1,1,1,1,1,1]}")
                        .status())
                .isEqualTo(422);
        assertThat(http.postJson(path, CLINICIAN, "{\"instrument\": \"PHQ9\", \"answers\": [1,1,1]}")
                        .status())
                .isEqualTo(400);
        assertThat(http.postJson(path, CLINICIAN, "{\"instrument\": \"PHQ9\", \"answers\": [1,1,1,1,1,1,1,1,4]}")
                        .status())
                .isEqualTo(400);
        assertThat(http.postJson(
                                path,
                                TestTokens.bearer(StaffRole.PROGRAM_ADMIN),
                                "{\"instrument\": \"GAD7\", \"answers\": [0,0,0,0,0,0,0]}")
                        .status())
                .isEqualTo(403);

        assertThat(http.get(path, TestTokens.bearer(StaffRole.PROGRAM_ADMIN)).status())
                .isEqualTo(403);
        Response history = http.get(path, TestTokens.bearer(StaffRole.CLINICAL_SUPERVISOR));
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get("assessments")).hasSize(3);
        JsonNode trend = history.json().get("goals").get(0);
        assertThat(trend.get("instrument").asString()).isEqualTo("PHQ9");
        assertThat(trend.get("baseline").asInt()).isEqualTo(12);
        assertThat(trend.get("latest").asInt()).isEqualTo(8);
        assertThat(trend.get("changeFromBaseline").asInt()).isEqualTo(-4);
        assertThat(trend.get("met").asBoolean()).isTrue();

        List<PlanUpdated> published = PlanTestClient.awaitPlanUpdates(planId, 2);
        assertThat(published.get(0).changeType()).isEqualTo(PlanChangeType.VERSION_CREATED);
        PlanUpdated urgent = published.get(1);
        assertThat(urgent.changeType()).isEqualTo(PlanChangeType.FLAGGED);
        assertThat(urgent.reasonCodes()).containsExactly("URGENT_SAFETY");
        assertThat(urgent.urgent()).isTrue();

        // PHQ-9 up by 5 from the baseline of 12
        Response worse = http.postJson(path, CLINICIAN, "{\"instrument\": \"PHQ9\", \"answers\": [2,2,2,2,2,2,2,3,0]}");
        assertThat(worse.json().get("total").asInt()).isEqualTo(17);
        List<PlanUpdated> after = PlanTestClient.awaitPlanUpdates(planId, 3);
        assertThat(after.get(2).reasonCodes()).containsExactly("SCORE_WORSENED");
        assertThat(after.get(2).urgent()).isFalse();

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_entry WHERE path_pattern = '/api/clients/{id}/assessments' AND path_ids LIKE ?",
                        Long.class,
                        "%" + client + "%"))
                .isEqualTo(10);
    }
}
