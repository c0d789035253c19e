package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iopcare.acceptance.Journey.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.iopcare.acceptance.Http.Reply;
import org.iopcare.acceptance.Journey.Enrolled;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 8: care changes over time. Jo, enrolled in track ACC-AM (meeting today and two days
 * later, a reminder offset and a little from now), is transferred to ACC-PM (the other days) from
 * tomorrow: today's ACC-AM meeting stays, the later ones are cancelled, ACC-PM's are booked. Then
 * tomorrow's ACC-PM seat is rescheduled into the ACC-AM meeting the day after (one move notice,
 * not a cancellation and a new booking), and Jo gets a make-up seat in a later ACC-AM meeting.
 * {@link #begin} does all of that before the other scenarios; {@link #finish}, after scenario 1,
 * checks the client's messages: the welcome once, one schedule notice for the transfer, one move
 * notice naming the new time, one make-up notice, no cancellation notice (a track change is told by
 * the schedule notice), and today's reminder, which falls due while the other scenarios run.
 */
final class CareChanges extends StartedEarly {

    static final String MORNING = "ACC-AM";
    static final String EVENING = "ACC-PM";

    private Person jo;
    private Enrolled client;
    private LocalTime meeting;
    private LocalDate today;
    private Instant todaysSession;
    private Instant enrolledAt;
    private String movedSession;
    private Instant rescheduledAt;
    private Instant transferredAt;
    private Instant madeUpAt;

    private CareChanges(Journey journey) {
        super(journey);
    }

    static CareChanges begin(Journey journey) {
        CareChanges scenario = new CareChanges(journey);
        scenario.start();
        return scenario;
    }

    @Override
    void setUp() {
        jo = Person.numbered("Jo", "Santos", 8);
        today = LocalDate.now(journey.platform.zone);
        meeting = journey.createTrack(MORNING, AcceptancePlatform.REMINDER_OFFSET.plusSeconds(30));
        todaysSession = journey.today(meeting);
        Reply evening = staff.createTrack(EVENING, meeting, staff.tomorrowAndTwoMore());
        assertThat(evening.status()).as("%s", evening).isEqualTo(201);

        enrolledAt = Instant.now().minusSeconds(1);
        client = journey.enroll(jo, MORNING, "clin-acc-8");
        String clientId = client.clientId();
        journey.awaitSessions(clientId);
        // the welcome goes out once the first sessions are known, before the transfer changes them
        journey.awaitSent(clientId, "WELCOME", "SMS", enrolledAt, Duration.ofSeconds(40));

        // transfer from tomorrow (intake learns a track created a moment ago from track-changed)
        LocalDate tomorrow = today.plusDays(1);
        transferredAt = Instant.now().minusSeconds(1);
        AtomicReference<Reply> transfer = new AtomicReference<>();
        await("transfer to " + EVENING, Duration.ofSeconds(20)).until(() -> {
            transfer.set(staff.transfer(clientId, EVENING, tomorrow));
            return transfer.get().status() != 422 || !transfer.get().body().contains("unknown-track");
        });
        assertThat(transfer.get().status()).as("%s", transfer.get()).isEqualTo(200);
        await("sessions moved to " + EVENING, Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> groups = groupSessions(clientId);
            assertThat(groups).allSatisfy(s -> {
                LocalDateTime local = LocalDateTime.parse(s.get("localStart").asString());
                assertThat(local.toLocalTime()).as("local time kept").isEqualTo(meeting);
                boolean morningDay = morningDay(local.toLocalDate());
                if (local.toLocalDate().isBefore(tomorrow)) {
                    // before the transfer's date: today's morning meeting stays
                    assertThat(s.get("status").asString()).isEqualTo("SCHEDULED");
                } else if (morningDay) {
                    assertThat(s.get("status").asString()).isEqualTo("CANCELLED");
                    assertThat(s.get("cancellationReason").asString()).isEqualTo("TRACK_CHANGE");
                } else {
                    assertThat(s.get("status").asString()).isEqualTo("SCHEDULED");
                }
            });
            assertThat(groups)
                    .as("the evening track's meetings from tomorrow")
                    .anySatisfy(s -> assertThat(
                                    LocalDateTime.parse(s.get("localStart").asString())
                                            .toLocalDate())
                            .isEqualTo(tomorrow));
            assertThat(Journey.sessionAt(groups, todaysSession).get("status").asString())
                    .isEqualTo("SCHEDULED");
        });

        // tomorrow's evening seat moves to the morning meeting the day after
        JsonNode tomorrows = groupSessions(clientId).stream()
                .filter(s -> LocalDateTime.parse(s.get("localStart").asString())
                        .toLocalDate()
                        .equals(tomorrow))
                .findFirst()
                .orElseThrow();
        movedSession = tomorrows.get("id").asString();
        rescheduledAt = Instant.now().minusSeconds(1);
        Reply moved = staff.rescheduleSeat(movedSession, today.plusDays(2).atTime(meeting), MORNING);
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(moved.json().get("id").asString()).isEqualTo(movedSession);

        // a make-up seat in the morning meeting four days from now (Jo's own seat there was cancelled)
        Reply groups = Http.get(
                journey.platform.scheduling + "/api/group-sessions?date=" + today.plusDays(4) + "&track=" + MORNING,
                staff.scheduler);
        assertThat(groups.status()).as("%s", groups).isEqualTo(200);
        madeUpAt = Instant.now().minusSeconds(1);
        Reply madeUp = staff.makeUp(clientId, groups.json().get(0).get("id").asString());
        assertThat(madeUp.status()).as("%s", madeUp).isEqualTo(201);
        assertThat(madeUp.json().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(Instant.now())
                .as("all this must come before today's reminder is due")
                .isBefore(todaysSession.minus(AcceptancePlatform.REMINDER_OFFSET));
        System.out.printf("[acceptance] scenario 8, its set-up: %.1f s%n", AcceptanceIT.seconds(begun));
    }

    void finish() {
        if (setupFailure() != null) {
            throw new AssertionError(
                    "scenario 8 could not be set up; the client's messages: "
                            + (client == null ? "none (not enrolled)" : staff.messages(client.clientId())),
                    setupFailure());
        }
        String clientId = client.clientId();
        List<JsonNode> groups = groupSessions(clientId);
        JsonNode moved = groups.stream()
                .filter(s -> s.get("id").asString().equals(movedSession))
                .findFirst()
                .orElseThrow();
        assertThat(moved.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(moved.get("localStart").asString())
                .startsWith(today.plusDays(2).atTime(meeting).toString());
        assertThat(groups)
                .filteredOn(s -> s.get("status").asString().equals("SCHEDULED")
                        && LocalDateTime.parse(s.get("localStart").asString())
                                .toLocalDate()
                                .equals(today.plusDays(4)))
                .as("the make-up seat")
                .hasSize(1);

        // one move notice, on the phone, naming the new time: not a cancellation and a new booking
        JsonNode notice = journey.awaitSent(clientId, "SESSION_MOVED", "SMS", rescheduledAt, Duration.ofSeconds(20));
        JsonNode onPhone = journey.awaitOnPhone(jo.phone(), notice);
        assertThat(onPhone.get("body").asString())
                .containsAnyOf(AcceptanceIT.clock24(meeting), AcceptanceIT.clock12(meeting));

        // one make-up notice naming its time
        JsonNode makeUp = journey.awaitSent(clientId, "MAKE_UP_BOOKED", "SMS", madeUpAt, Duration.ofSeconds(20));
        assertThat(journey.awaitOnPhone(jo.phone(), makeUp).get("body").asString())
                .containsAnyOf(AcceptanceIT.clock24(meeting), AcceptanceIT.clock12(meeting));

        // one schedule notice for the transfer, after its gathering time (15 s here), naming the new times
        JsonNode changed =
                journey.awaitSent(clientId, "SCHEDULE_CHANGED", "SMS", transferredAt, Duration.ofSeconds(90));
        assertThat(journey.awaitOnPhone(jo.phone(), changed).get("body").asString())
                .containsAnyOf(AcceptanceIT.clock24(meeting), AcceptanceIT.clock12(meeting));

        // today's morning meeting, before the transfer's date, is reminded
        JsonNode reminder = journey.awaitReminder(clientId, todaysSession, enrolledAt, Duration.ofSeconds(30));
        journey.awaitOnPhone(jo.phone(), reminder);

        // the product's messages for these changes, and no others: the welcome once (a transfer is not
        // a new enrollment), the transfer's schedule notice once (its cancellations are not told
        // apart), the move notice once, the make-up notice once, no cancellation notice (a move is no
        // cancellation), no hold notice (the new track had a seat), today's reminder only (the other
        // sessions are days ahead)
        await("Jo's messages", Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(staff.messages(clientId, "WELCOME")).hasSize(1);
            assertThat(staff.messages(clientId, "SESSION_MOVED")).hasSize(1);
            assertThat(staff.messages(clientId, "SCHEDULE_CHANGED")).hasSize(1);
            // the PM track had a seat: a hold notice its cancellations may have gathered was withdrawn
            assertThat(staff.messages(clientId, "SCHEDULE_ON_HOLD"))
                    .allSatisfy(
                            hold -> assertThat(hold.path("status").asString()).isEqualTo("CANCELLED"));
            assertThat(staff.messages(clientId, "MAKE_UP_BOOKED")).hasSize(1);
            assertThat(staff.messages(clientId, "SESSION_CANCELLED")).isEmpty();
            assertThat(staff.messages(clientId, "SESSION_REMINDER")).hasSize(1);
        });
        journey.everythingReceived(jo)
                .forEach(text ->
                        ClientFacingText.assertRevealsNothing("message to Jo", text, List.of("Acceptance track")));
    }

    /** The client's group sessions (staff view). */
    private List<JsonNode> groupSessions(String clientId) {
        return journey.sessions(clientId).stream()
                .filter(s -> s.get("kind").asString().equals("GROUP"))
                .toList();
    }

    /** Whether the morning track meets on that day (today's weekday and the ones two and four days later). */
    private boolean morningDay(LocalDate day) {
        return staff.todayAndTwoMore().contains(day.getDayOfWeek());
    }
}
