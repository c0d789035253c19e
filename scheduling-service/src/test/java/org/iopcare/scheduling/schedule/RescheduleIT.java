package org.iopcare.scheduling.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iopcare.testsupport.TestHttp.assertProblem;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.SessionCancelled;
import org.iopcare.events.SessionRescheduled;
import org.iopcare.events.SessionScheduled;
import org.iopcare.events.Topics;
import org.iopcare.scheduling.SchedulingIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Moving one client session: one {@code session-rescheduled}, never a cancellation and a new booking. */
class RescheduleIT extends SchedulingIT {

    static final String SCHEDULER = TestTokens.bearer(StaffRole.SCHEDULER);

    /** Wednesday before the March 2027 change in New York (EST, UTC-5) and the Wednesday after (EDT, UTC-4). */
    static final LocalDateTime BEFORE_CHANGE = LocalDateTime.parse("2027-03-10T10:00");

    static final LocalDateTime AFTER_CHANGE = LocalDateTime.parse("2027-03-17T10:00");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anIndividualSessionMovesAcrossTheMarchChangeKeepingItsLocalTime() {
        String clinician = ScheduleIT.clinician(jdbc);
        UUID client = UUID.randomUUID();
        UUID session = individual(client, clinician, at(BEFORE_CHANGE), 60);
        jdbc.update("UPDATE client_session SET confirmed_at = now() WHERE id = ?", session);

        try (KafkaConsumer<byte[], byte[]> moves = TestKafka.reader(Topics.SESSION_RESCHEDULED);
                KafkaConsumer<byte[], byte[]> cancelled = TestKafka.reader(Topics.SESSION_CANCELLED);
                KafkaConsumer<byte[], byte[]> scheduled = TestKafka.reader(Topics.SESSION_SCHEDULED)) {
            Response moved = move(session, "{\"localStart\": \"%s\"}".formatted(AFTER_CHANGE));
            assertThat(moved.status()).as(moved.text()).isEqualTo(200);
            assertThat(moved.json().get("startsAt").asString()).isEqualTo("2027-03-17T14:00:00Z");
            assertThat(moved.json().get("localStart").asString()).isEqualTo("2027-03-17T10:00:00");
            assertThat(moved.json().get("endsAt").asString()).isEqualTo("2027-03-17T15:00:00Z");
            assertThat(moved.json().get("confirmedAt").isNull()).isTrue();
            // the same move again is no second move
            assertThat(move(session, "{\"localStart\": \"%s\"}".formatted(AFTER_CHANGE))
                            .status())
                    .isEqualTo(200);

            List<SessionRescheduled> published = new ArrayList<>();
            await().atMost(ScheduleIT.PATIENCE).untilAsserted(() -> {
                published.addAll(ScheduleIT.readFor(moves, client, SessionRescheduled.class));
                assertThat(published).isNotEmpty();
            });
            assertThat(published).singleElement().satisfies(e -> {
                assertThat(e.sessionId()).isEqualTo(session);
                assertThat(e.previousStartsAt()).isEqualTo(Instant.parse("2027-03-10T15:00:00Z"));
                assertThat(e.previousEndsAt()).isEqualTo(Instant.parse("2027-03-10T16:00:00Z"));
                assertThat(e.startsAt()).isEqualTo(Instant.parse("2027-03-17T14:00:00Z"));
                assertThat(e.endsAt()).isEqualTo(Instant.parse("2027-03-17T15:00:00Z"));
            });
            assertThat(ScheduleIT.readFor(moves, client, SessionRescheduled.class))
                    .isEmpty();
            assertThat(ScheduleIT.readFor(cancelled, client, SessionCancelled.class))
                    .isEmpty();
            assertThat(ScheduleIT.readFor(scheduled, client, SessionScheduled.class))
                    .isEmpty();
        }

        // every refusal leaves the session where it is
        UUID otherClient = UUID.randomUUID();
        individual(otherClient, clinician, at(AFTER_CHANGE.plusDays(1)), 60);
        UUID started = individual(client, clinician, Instant.now().minus(Duration.ofMinutes(5)), 60);
        UUID cancelledSession = individual(client, clinician, at(AFTER_CHANGE.plusDays(3)), 60);
        jdbc.update("UPDATE client_session SET status = 'CANCELLED' WHERE id = ?", cancelledSession);
        String later = AFTER_CHANGE.plusDays(2).toString();
        assertProblem(move(session, "{\"localStart\": \"2027-03-18T21:00\"}"), 422); // after the clinician's hours
        assertProblem(move(session, "{\"localStart\": \"2027-03-14T02:30\"}"), 422); // skipped by the change
        assertProblem(move(session, "{\"localStart\": \"2025-03-12T10:00\"}"), 422); // in the past
        assertProblem(move(session, "{\"localStart\": \"2027-03-18T10:30\"}"), 409); // the clinician is busy
        assertProblem(move(session, "{\"localStart\": \"%s\", \"clinicianId\": \"clin-none\"}".formatted(later)), 422);
        assertProblem(move(session, "{\"localStart\": \"%s\", \"trackCode\": \"MH-IOP-AM\"}".formatted(later)), 422);
        assertProblem(move(session, "{\"clinicianId\": \"%s\"}".formatted(clinician)), 400);
        assertProblem(move(started, "{\"localStart\": \"%s\"}".formatted(later)), 422);
        assertProblem(move(cancelledSession, "{\"localStart\": \"%s\"}".formatted(later)), 422);
        assertProblem(move(UUID.randomUUID(), "{\"localStart\": \"%s\"}".formatted(later)), 404);
        assertThat(startOf(session)).isEqualTo(Instant.parse("2027-03-17T14:00:00Z"));
        assertThat(startOf(started)).isBefore(Instant.now());
        assertThat(startOf(cancelledSession)).isEqualTo(at(AFTER_CHANGE.plusDays(3)));
    }

    @Test
    void aGroupSeatMovesToAnotherTracksMeetingWhileItHasASeatFree() {
        String evening = ScheduleIT.track(jdbc, 12);
        String small = ScheduleIT.track(jdbc, 1);
        LocalDate day = LocalDate.now(ScheduleIT.NEW_YORK).plusDays(3);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID firstSeat = seat(first, evening, day);
        UUID secondSeat = seat(second, evening, day);
        String toSmall = "{\"localStart\": \"%sT21:00\", \"trackCode\": \"%s\"}".formatted(day.plusDays(1), small);

        try (KafkaConsumer<byte[], byte[]> moves = TestKafka.reader(Topics.SESSION_RESCHEDULED)) {
            Response moved = move(firstSeat, toSmall);
            assertThat(moved.status()).as(moved.text()).isEqualTo(200);
            assertThat(moved.json().get("localStart").asString()).isEqualTo(day.plusDays(1) + "T21:00:00");
            UUID smallGroup = UUID.fromString(moved.json().get("groupSessionId").asString());
            assertThat(jdbc.queryForObject(
                            "SELECT track_code FROM group_session WHERE id = ?", String.class, smallGroup))
                    .isEqualTo(small);

            assertProblem(move(secondSeat, toSmall), 409); // its one seat is taken
            assertProblem(move(secondSeat, "{\"localStart\": \"%sT20:00\"}".formatted(day.plusDays(1))), 422);
            // its own meeting again: nothing moves
            assertThat(move(secondSeat, "{\"localStart\": \"%sT21:00\"}".formatted(day))
                            .status())
                    .isEqualTo(200);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM client_session WHERE group_session_id = ? AND status = 'SCHEDULED'",
                            Integer.class,
                            smallGroup))
                    .isOne();
            assertThat(startOf(secondSeat)).isEqualTo(at(day.atTime(21, 0)));

            List<SessionRescheduled> published = new ArrayList<>();
            await().atMost(ScheduleIT.PATIENCE).untilAsserted(() -> {
                published.addAll(ScheduleIT.readFor(moves, first, SessionRescheduled.class));
                assertThat(published).isNotEmpty();
            });
            assertThat(published)
                    .singleElement()
                    .satisfies(e -> assertThat(e.sessionId()).isEqualTo(firstSeat));
            assertThat(ScheduleIT.readFor(moves, second, SessionRescheduled.class))
                    .isEmpty();
        }
    }

    Response move(UUID session, String body) {
        return http.postJson("/api/sessions/" + session + "/reschedule", SCHEDULER, body);
    }

    UUID individual(UUID client, String clinician, Instant startsAt, int minutes) {
        return individualSession(jdbc, client, clinician, startsAt, startsAt.plus(Duration.ofMinutes(minutes)));
    }

    /** The client's seat in the track's meeting of that day, the group session created as the schedule would. */
    UUID seat(UUID client, String track, LocalDate day) {
        Instant start = at(day.atTime(21, 0));
        jdbc.update(
                """
                INSERT INTO group_session (id, track_code, local_date, starts_at, ends_at, time_zone, capacity, status)
                VALUES (?, ?, ?, ?, ?, 'America/New_York', 12, 'SCHEDULED') ON CONFLICT (track_code, local_date) DO NOTHING
                """,
                UUID.randomUUID(),
                track,
                java.sql.Date.valueOf(day),
                Timestamp.from(start),
                Timestamp.from(start.plus(Duration.ofMinutes(150))));
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO client_session (id, client_id, kind, group_session_id, starts_at, ends_at, time_zone, modality,
                                            status, created_at)
                SELECT ?, ?, 'GROUP', id, starts_at, ends_at, time_zone, 'VIRTUAL', 'SCHEDULED', now()
                FROM group_session WHERE track_code = ? AND local_date = ?
                """, id, client, track, java.sql.Date.valueOf(day));
        return id;
    }

    Instant startOf(UUID session) {
        return jdbc.queryForObject("SELECT starts_at FROM client_session WHERE id = ?", Timestamp.class, session)
                .toInstant();
    }

    static Instant at(LocalDateTime local) {
        return ZonedDateTime.of(local, ScheduleIT.NEW_YORK).toInstant();
    }
}
