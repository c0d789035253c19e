package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iopcare.acceptance.Journey.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.iopcare.acceptance.Http.Reply;
import org.iopcare.acceptance.Journey.Enrolled;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 5: a closure day cancels the track's sessions on that day, and their reminders are
 * never sent. {@link #begin} enrolls Kim on a track meeting just over the reminder offset from now,
 * books an individual session the closure does not touch (its reminder proves reminders reach Kim),
 * and closes today; {@link #finish} watches, until past the time the closed session's reminder was
 * due, that no further reminder left the clinic.
 */
final class ClosureDay extends StartedEarly {

    private Person kim;
    private Enrolled client;
    private Instant closedSession;
    private Instant individual;
    private List<Integer> remindersAfterClosure;

    private ClosureDay(Journey journey) {
        super(journey);
    }

    static ClosureDay begin(Journey journey) {
        ClosureDay scenario = new ClosureDay(journey);
        scenario.start();
        return scenario;
    }

    @Override
    void setUp() {
        kim = Person.numbered("Kim", "Park", 5);
        LocalTime meeting = journey.createTrack("ACC-FIVE", AcceptancePlatform.REMINDER_OFFSET.plusSeconds(30));
        closedSession = journey.today(meeting);
        Instant enrolledAt = Instant.now().minusSeconds(1);
        client = journey.enroll(kim, "ACC-FIVE", "clin-acc-5");
        journey.awaitSessions(client.clientId());
        // reminders go on the preferred channel (SMS) unless the client asks for both: Kim does, so
        // that the closure is seen to stop them on both channels
        await("Kim's reminders on both channels", Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(staff.reminderChannels(client.clientId(), "BOTH")
                                .status())
                        .isEqualTo(200));

        individual = Journey.fromNow(Duration.ofMinutes(3));
        assertThat(staff.bookSession(client.clientId(), individual, 10).status())
                .isEqualTo(201);
        JsonNode bySms =
                journey.awaitSent(client.clientId(), "SESSION_REMINDER", "SMS", enrolledAt, Duration.ofSeconds(30));
        journey.awaitOnPhone(kim.phone(), bySms);
        JsonNode byEmail =
                journey.awaitSent(client.clientId(), "SESSION_REMINDER", "EMAIL", enrolledAt, Duration.ofSeconds(30));
        journey.awaitInMailbox(kim.email(), byEmail);

        Reply closure = staff.closure(LocalDate.now(journey.platform.zone), "ACC-FIVE");
        assertThat(closure.status()).as("%s", closure).isEqualTo(201);
        assertThat(closure.json().get("cancelledSessions").asInt()).isEqualTo(1);
        assertThat(Instant.now())
                .as("the closure must come before the closed session's reminder is due")
                .isBefore(closedSession.minus(AcceptancePlatform.REMINDER_OFFSET));
        remindersAfterClosure = journey.reminderCounts(client.clientId(), kim);
    }

    void finish() {
        if (setupFailure() != null) {
            throw new AssertionError(
                    "scenario 5 could not be set up; the client's messages: "
                            + (client == null ? "none (not enrolled)" : journey.staff.messages(client.clientId())),
                    setupFailure());
        }
        List<JsonNode> sessions = journey.sessions(client.clientId());
        JsonNode closed = Journey.sessionAt(sessions, closedSession);
        assertThat(closed.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(closed.get("cancellationReason").asString()).isEqualTo("CLOSURE");
        assertThat(Journey.sessionAt(sessions, individual).get("status").asString())
                .isEqualTo("SCHEDULED");

        Duration watch = Journey.watchUntilPast(closedSession.minus(AcceptancePlatform.REMINDER_OFFSET));
        await("no reminder for the closed day", watch.plusSeconds(10))
                .during(watch)
                .untilAsserted(() -> assertThat(journey.reminderCounts(client.clientId(), kim))
                        .isEqualTo(remindersAfterClosure));
    }
}
