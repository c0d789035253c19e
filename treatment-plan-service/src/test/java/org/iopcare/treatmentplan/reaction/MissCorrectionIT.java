package org.iopcare.treatmentplan.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.AttendedAs;
import org.iopcare.events.IntegrationEvent;
import org.iopcare.events.SessionMissCorrected;
import org.iopcare.events.SessionMissed;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.treatmentplan.TreatmentPlanIT;
import org.iopcare.treatmentplan.plan.PlanTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A miss staff corrected stops counting towards the missed-session rule, whichever of the two
 * topics arrives first; a session missed again after its correction counts again.
 */
class MissCorrectionIT extends TreatmentPlanIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCorrectedMissNoLongerCountsWhicheverArrivesFirst() {
        JsonNode plan = new PlanTestClient(http).enrolledClientPlan();
        UUID client = UUID.fromString(plan.get("clientId").asString());
        UUID planId = UUID.fromString(plan.get("id").asString());
        Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant day = base.minus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        UUID sessionA = UUID.randomUUID();
        UUID sessionD = UUID.randomUUID();

        // A: missed, then corrected. D: its correction overtakes the miss reported before it.
        SessionMissed missA = missed(client, sessionA, day, base, 1);
        SessionMissCorrected correctA = corrected(client, sessionA, day, base.plusSeconds(1));
        SessionMissed missD = missed(client, sessionD, day.plus(1, ChronoUnit.DAYS), base.plusSeconds(2), 1);
        SessionMissCorrected correctD = corrected(client, sessionD, day.plus(1, ChronoUnit.DAYS), base.plusSeconds(3));
        TestKafka.publish(correctD);
        awaitProcessed(correctD.eventId());
        TestKafka.publishAll(List.<IntegrationEvent>of(missA, correctA, missD, missA));
        awaitProcessed(missA.eventId(), correctA.eventId(), missD.eventId());
        assertThat(missedSessions(client)).isEmpty();

        // Two more misses: with A still counted this would be 3 within 14 days and flag the plan.
        SessionMissed missB = missed(client, UUID.randomUUID(), day.plus(3, ChronoUnit.DAYS), base.plusSeconds(4), 1);
        SessionMissed missC = missed(client, UUID.randomUUID(), day.plus(5, ChronoUnit.DAYS), base.plusSeconds(5), 1);
        TestKafka.publishAll(List.<IntegrationEvent>of(missB, missC));
        awaitProcessed(missB.eventId(), missC.eventId());
        assertThat(missedSessions(client)).hasSize(2);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM plan_flag WHERE plan_id = ? AND reason = 'MISSED_SESSIONS'",
                        Long.class,
                        planId))
                .isZero();

        // A missed again after its correction (scheduling publishes a new miss): it counts again.
        SessionMissed missedAgain = missed(client, sessionA, day, base.plusSeconds(6), 1);
        TestKafka.publish(missedAgain);
        awaitProcessed(missedAgain.eventId());
        assertThat(missedSessions(client)).hasSize(3).contains(sessionA);
    }

    private static SessionMissed missed(UUID client, UUID session, Instant startsAt, Instant at, int inARow) {
        return new SessionMissed(UUID.randomUUID(), at, client, session, startsAt, inARow, 1);
    }

    private static SessionMissCorrected corrected(UUID client, UUID session, Instant startsAt, Instant at) {
        return new SessionMissCorrected(UUID.randomUUID(), at, client, session, startsAt, AttendedAs.LATE);
    }

    private List<UUID> missedSessions(UUID client) {
        return jdbc.queryForList("SELECT session_id FROM missed_session WHERE client_id = ?", UUID.class, client);
    }

    private void awaitProcessed(UUID... eventIds) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM processed_event WHERE event_id = ANY (?)", Long.class, (Object)
                                        eventIds))
                        .isEqualTo(eventIds.length));
    }
}
