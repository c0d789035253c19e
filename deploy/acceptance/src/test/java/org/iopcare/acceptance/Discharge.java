package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iopcare.acceptance.Journey.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.iopcare.acceptance.Http.Reply;
import org.iopcare.acceptance.Journey.Enrolled;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 6: a discharge cancels the future sessions, drops the pending reminders and closes the
 * plan. {@link #begin} enrolls Lee on a track meeting just over the reminder offset from now,
 * activates a plan and discharges; {@link #finish} checks what staff see and watches, until past the
 * time the first session's reminder was due, that no reminder left the clinic.
 */
final class Discharge extends StartedEarly {

    private Person lee;
    private Enrolled client;
    private Instant firstSession;
    private int sessionsBefore;

    private Discharge(Journey journey) {
        super(journey);
    }

    static Discharge begin(Journey journey) {
        Discharge scenario = new Discharge(journey);
        scenario.start();
        return scenario;
    }

    @Override
    void setUp() {
        lee = Person.numbered("Lee", "Nguyen", 6);
        LocalTime meeting = journey.createTrack("ACC-SIX", AcceptancePlatform.REMINDER_OFFSET.plusSeconds(30));
        firstSession = journey.today(meeting);
        client = journey.enroll(lee, "ACC-SIX", "clin-acc-6");
        sessionsBefore = journey.awaitSessions(client.clientId()).size();
        String planId = journey.awaitPlan(client.clientId(), "DRAFT").get("id").asString();
        assertThat(staff.writeVersion(planId, 0, "Initial plan").status()).isEqualTo(201);
        assertThat(staff.activate(planId, 1).status()).isEqualTo(200);

        Reply discharge = staff.discharge(client.clientId());
        assertThat(discharge.status()).as("%s", discharge).isIn(200, 201);
        assertThat(Instant.now())
                .as("the discharge must come before the first reminder is due")
                .isBefore(firstSession.minus(AcceptancePlatform.REMINDER_OFFSET));
    }

    void finish() {
        if (setupFailure() != null) {
            throw new AssertionError("scenario 6 could not be set up", setupFailure());
        }
        String clientId = client.clientId();
        await("sessions cancelled and plan closed", Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> after = journey.sessions(clientId);
            assertThat(after).hasSize(sessionsBefore);
            assertThat(after).allSatisfy(s -> {
                assertThat(s.get("status").asString()).isEqualTo("CANCELLED");
                assertThat(s.get("cancellationReason").asString()).isEqualTo("DISCHARGE");
            });
            assertThat(staff.plan(clientId).json().get("status").asString()).isEqualTo("CLOSED");
        });

        // pending reminders dropped: none left to send, and none sent until past the time one was due
        await("reminders dropped", Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(staff.messages(clientId, "SESSION_REMINDER"))
                        .allSatisfy(m -> assertThat(m.get("status").asString()).isIn("CANCELLED", "SUPPRESSED")));
        Duration watch = Journey.watchUntilPast(firstSession.minus(AcceptancePlatform.REMINDER_OFFSET));
        await("no reminder after the discharge", watch.plusSeconds(10))
                .during(watch)
                .untilAsserted(
                        () -> assertThat(journey.reminderCounts(clientId, lee)).containsExactly(0, 0, 0));
    }
}
