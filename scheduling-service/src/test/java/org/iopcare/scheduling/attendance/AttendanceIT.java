package org.iopcare.scheduling.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.AttendanceConfirmed;
import org.iopcare.events.AttendedAs;
import org.iopcare.events.BookingReason;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.SessionMissCorrected;
import org.iopcare.events.SessionMissed;
import org.iopcare.events.SessionScheduled;
import org.iopcare.events.Topics;
import org.iopcare.scheduling.SchedulingIT;
import org.iopcare.support.caseload.CareTeamProjection;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class AttendanceIT extends SchedulingIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MissedSessionSweep sweep;

    @Autowired
    CareTeamProjection careTeams;

    /** A client on the care team of {@code staff-test}, the subject of the tests' clinician token. */
    UUID client() {
        return client("staff-test");
    }

    UUID client(String clinician) {
        UUID client = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO client_schedule (client_id, track_code, status, start_date, clinician_id, age_group, updated_at)
                VALUES (?, 'MH-IOP-AM', 'ACTIVE', current_date - 30, 'clin-none', 'ADULT', now())
                """, client);
        careTeams.replace(new CareTeamChanged(UUID.randomUUID(), Instant.now(), client, clinician, List.of(clinician)));
        return client;
    }

    UUID group(Instant startsAt, Instant endsAt) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                """
                INSERT INTO group_session (id, track_code, local_date, starts_at, ends_at, time_zone, capacity, status)
                VALUES (?, ?, ?, ?, ?, 'America/New_York', 12, 'SCHEDULED')
                """,
                id,
                "IT-ATT-" + id.toString().substring(0, 8),
                java.sql.Date.valueOf(LocalDate.ofInstant(startsAt, ZoneId.of("America/New_York"))),
                Timestamp.from(startsAt),
                Timestamp.from(endsAt));
        return id;
    }

    UUID session(UUID client, UUID group, Instant endsAt, String attendance) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                """
                INSERT INTO client_session (id, client_id, kind, group_session_id, starts_at, ends_at, time_zone, modality,
                                            status, attendance, minutes_attended, created_at)
                VALUES (?, ?, 'GROUP', ?, ?, ?, 'America/New_York', 'IN_PERSON', 'SCHEDULED', ?, ?, now())
                """,
                id,
                client,
                group,
                Timestamp.from(endsAt.minus(Duration.ofHours(3))),
                Timestamp.from(endsAt),
                attendance,
                attendance == null ? null : 0);
        return id;
    }

    UUID individual(UUID client, Instant startsAt, Instant endsAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO client_session (id, client_id, kind, clinician_id, starts_at, ends_at, time_zone, modality,
                                            status, created_at)
                VALUES (?, ?, 'INDIVIDUAL_THERAPY', 'clin-none', ?, ?, 'America/New_York', 'IN_PERSON', 'SCHEDULED', now())
                """, id, client, Timestamp.from(startsAt), Timestamp.from(endsAt));
        return id;
    }

    /** A track of its own (another track than the clients'), its meeting at {@code startsAt} with the capacity given. */
    UUID otherTracksGroup(Instant startsAt, int capacity) {
        String code = "MU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        jdbc.update("""
                INSERT INTO program_track (code, name, time_zone, meeting_days, local_start, local_end, capacity,
                                           age_group, modality, updated_at, announced_at)
                VALUES (?, 'Make-up track', 'America/New_York', 'MONDAY,WEDNESDAY,FRIDAY', '18:00', '21:00', ?, 'ADULT',
                        'VIRTUAL', now(), now())
                """, code, capacity);
        UUID id = group(startsAt, startsAt.plus(Duration.ofHours(3)));
        jdbc.update("UPDATE group_session SET track_code = ?, capacity = ? WHERE id = ?", code, capacity, id);
        return id;
    }

    @Test
    void aMakeUpSeatInAnotherTracksGroupCountsTowardsTheWeek() {
        UUID client = client();
        Instant start = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        UUID makeUp = otherTracksGroup(start, 2);
        String scheduler = TestTokens.bearer(StaffRole.SCHEDULER);
        LocalDate day = LocalDate.ofInstant(start, ZoneId.of("America/New_York"));
        String summaryPath =
                "/api/clients/" + client + "/attendance-summary?from=" + day.minusDays(7) + "&to=" + day.plusDays(7);
        assertThat(http.get(summaryPath, scheduler).json().get("weeks")).isEmpty();

        try (var scheduled = TestKafka.reader(Topics.SESSION_SCHEDULED)) {
            String body = "{\"groupSessionId\": \"" + makeUp + "\"}";
            Response booked = http.postJson("/api/clients/" + client + "/make-ups", scheduler, body);
            assertThat(booked.status()).as(booked.text()).isEqualTo(201);
            assertThat(booked.json().get("kind").asString()).isEqualTo("GROUP");
            assertThat(booked.json().get("startsAt").asString()).isEqualTo(start.toString());
            // the week's minimum counts the make-up's three hours, still to come
            JsonNode week = http.get(summaryPath, scheduler).json().get("weeks").get(0);
            assertThat(week.get("scheduledMinutes").asInt()).isEqualTo(180);
            assertThat(week.get("stillScheduledMinutes").asInt()).isEqualTo(180);

            // refused, nothing booked: the same seat again, a full meeting, a meeting that started
            assertThat(http.postJson("/api/clients/" + client + "/make-ups", scheduler, body)
                            .status())
                    .isEqualTo(409);
            UUID other = client();
            session(other, makeUp, start.plus(Duration.ofHours(3)), null);
            Response full = http.postJson("/api/clients/" + client() + "/make-ups", scheduler, body);
            assertThat(full.status()).isEqualTo(409);
            assertThat(full.json().get("type").asString()).endsWith("/group-full");
            Instant past = Instant.now().minus(Duration.ofMinutes(30));
            Response started = http.postJson(
                    "/api/clients/" + client + "/make-ups",
                    scheduler,
                    "{\"groupSessionId\": \"" + otherTracksGroup(past, 2) + "\"}");
            assertThat(started.status()).isEqualTo(422);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM client_session WHERE group_session_id = ?", Integer.class, makeUp))
                    .isEqualTo(2);

            UUID seat = UUID.fromString(booked.json().get("id").asString());
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(TestKafka.poll(scheduled).stream()
                                    .filter(r -> new String(r.key()).equals(client.toString()))
                                    .map(r -> TestKafka.read(r, SessionScheduled.class)))
                            .anySatisfy(e -> {
                                assertThat(e.sessionId()).isEqualTo(seat);
                                assertThat(e.reason()).isEqualTo(BookingReason.MAKE_UP);
                            }));
        }
    }

    @Test
    void anIndividualSessionTakesItsOwnAttendance() {
        Instant now = Instant.now();
        UUID client = client();
        // ended 2 minutes ago: within the grace period, so the sweep does not race the clinician
        UUID attended = individual(client, now.minus(Duration.ofMinutes(32)), now.minus(Duration.ofMinutes(2)));
        UUID missed = individual(client, now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(20)));
        UUID upcoming = individual(client, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
        Instant groupEnd = now.plus(Duration.ofHours(2));
        UUID seat = session(client, group(groupEnd.minus(Duration.ofHours(3)), groupEnd), groupEnd, null);
        String clinician = TestTokens.bearer(StaffRole.CLINICIAN);
        String present = "{\"attendance\": \"PRESENT\"}";

        Response recorded = http.postJson("/api/sessions/" + attended + "/attendance", clinician, present);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
        assertThat(recorded.json().get("changed").asInt()).isOne();
        assertThat(http.postJson("/api/sessions/" + attended + "/attendance", clinician, present)
                        .json()
                        .get("changed")
                        .asInt())
                .isZero();
        assertThat(attendance(attended)).isEqualTo("PRESENT");
        assertThat(jdbc.queryForObject(
                        "SELECT minutes_attended FROM client_session WHERE id = ?", Integer.class, attended))
                .isEqualTo(30);

        // absent: published as a miss, like a group's absence
        assertThat(http.postJson("/api/sessions/" + missed + "/attendance", clinician, "{\"attendance\": \"ABSENT\"}")
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT missed_published FROM client_session WHERE id = ?", Boolean.class, missed))
                .isTrue();

        assertThat(http.postJson("/api/sessions/" + upcoming + "/attendance", clinician, present)
                        .json()
                        .get("type")
                        .asString())
                .endsWith("/session-not-started");
        assertThat(http.postJson("/api/sessions/" + seat + "/attendance", clinician, present)
                        .json()
                        .get("type")
                        .asString())
                .endsWith("/group-attendance");
        assertThat(http.postJson("/api/sessions/" + UUID.randomUUID() + "/attendance", clinician, present)
                        .status())
                .isEqualTo(404);
        assertThat(http.postJson(
                                "/api/sessions/" + attended + "/attendance", clinician, "{\"attendance\": \"NO_SHOW\"}")
                        .status())
                .isEqualTo(422);
        assertThat(http.postJson("/api/sessions/" + attended + "/attendance", clinician, "{}")
                        .status())
                .isEqualTo(400);
        assertThat(http.postJson(
                                "/api/sessions/" + attended + "/attendance",
                                TestTokens.bearer(StaffRole.INTAKE_COORDINATOR),
                                present)
                        .status())
                .isEqualTo(403);
        assertThat(attendance(attended)).isEqualTo("PRESENT");
        assertThat(attendance(upcoming)).isNull();
    }

    @Test
    void theSweepPublishesEachMissOnceAfterTheGracePeriodAndLateAttendanceCorrectsIt() {
        Instant now = Instant.now();
        UUID client = client();
        Instant twoDaysAgo = now.minus(Duration.ofDays(2));
        UUID first = session(client, null, twoDaysAgo, null);
        session(client, null, now.minus(Duration.ofDays(1)), "EXCUSED");
        Instant recentEnd = now.minus(Duration.ofMinutes(30));
        UUID recentGroup = group(recentEnd.minus(Duration.ofHours(3)), recentEnd);
        UUID second = session(client, recentGroup, recentEnd, null);
        UUID withinGrace = session(client, null, now.minus(Duration.ofMinutes(5)), null);

        try (KafkaConsumer<byte[], byte[]> missed = TestKafka.reader(Topics.SESSION_MISSED)) {
            while (sweep.sweepBatch() > 0) {
                // drain what is due (the scheduled sweep may take some of it: both are fine)
            }
            assertThat(sweep.sweepBatch()).isZero();

            List<SessionMissed> events = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                for (ConsumerRecord<byte[], byte[]> record : TestKafka.poll(missed)) {
                    if (new String(record.key()).equals(client.toString())) {
                        events.add(TestKafka.read(record, SessionMissed.class));
                    }
                }
                assertThat(events).hasSize(2);
            });
            assertThat(events).extracting(SessionMissed::sessionId).containsExactly(first, second);
            assertThat(events).extracting(SessionMissed::consecutiveMisses).containsExactly(1, 2);
            assertThat(events).extracting(SessionMissed::missesInLast14Days).containsExactly(1, 2);
        }
        assertThat(attendance(withinGrace)).isNull();

        // staff record the group late: the no-show becomes LATE and the correction is kept
        String clinician = TestTokens.bearer(StaffRole.CLINICIAN);
        String body = "{\"entries\": [{\"clientId\": \"%s\", \"attendance\": \"LATE\", \"lateMinutes\": 20}]}"
                .formatted(client);
        KafkaConsumer<byte[], byte[]> corrections = TestKafka.reader(Topics.SESSION_MISS_CORRECTED);
        Response recorded = http.postJson("/api/group-sessions/" + recentGroup + "/attendance", clinician, body);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
        assertThat(recorded.json().get("changed").asInt()).isOne();
        assertThat(http.postJson("/api/group-sessions/" + recentGroup + "/attendance", clinician, body)
                        .json()
                        .get("changed")
                        .asInt())
                .isZero();
        assertThat(attendance(second)).isEqualTo("LATE");
        assertThat(jdbc.queryForObject(
                        "SELECT minutes_attended FROM client_session WHERE id = ?", Integer.class, second))
                .isEqualTo(160);
        assertThat(jdbc.queryForList(
                        "SELECT previous || '>' || corrected FROM attendance_correction WHERE session_id = ?",
                        String.class,
                        second))
                .containsExactly("NO_SHOW>LATE");
        try (corrections) {
            List<SessionMissCorrected> withdrawn = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                for (ConsumerRecord<byte[], byte[]> record : TestKafka.poll(corrections)) {
                    if (new String(record.key()).equals(client.toString())) {
                        withdrawn.add(TestKafka.read(record, SessionMissCorrected.class));
                    }
                }
                assertThat(withdrawn).hasSize(1);
            });
            assertThat(withdrawn.get(0).sessionId()).isEqualTo(second);
            assertThat(withdrawn.get(0).correctedTo()).isEqualTo(AttendedAs.LATE);
        }

        Response summary = http.get("/api/clients/" + client + "/attendance-summary", clinician);
        assertThat(summary.status()).as(summary.text()).isEqualTo(200);
        assertThat(summary.json().get("requiredMinutes").asInt()).isEqualTo(540);
        assertThat(summary.text()).contains("\"attendedMinutes\":160");
    }

    @Test
    void attendanceIsRefusedBeforeTheSessionStartsAndForClientsOffTheRoster() {
        Instant later = Instant.now().plus(Duration.ofHours(5));
        UUID future = group(later, later.plus(Duration.ofHours(3)));
        UUID client = client();
        session(client, future, later.plus(Duration.ofHours(3)), null);
        String clinician = TestTokens.bearer(StaffRole.CLINICIAN);

        Response early = http.postJson(
                "/api/group-sessions/" + future + "/attendance",
                clinician,
                "{\"entries\": [{\"clientId\": \"%s\", \"attendance\": \"PRESENT\"}]}".formatted(client));
        assertThat(early.status()).isEqualTo(422);

        Instant earlier = Instant.now().minus(Duration.ofHours(1));
        UUID running = group(earlier, earlier.plus(Duration.ofHours(3)));
        Response stranger = http.postJson(
                "/api/group-sessions/" + running + "/attendance",
                clinician,
                "{\"entries\": [{\"clientId\": \"%s\", \"attendance\": \"PRESENT\"}]}".formatted(client()));
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.text()).doesNotContain("Exception");
        assertThat(http.postJson(
                                "/api/group-sessions/" + running + "/attendance",
                                TestTokens.bearer(StaffRole.INTAKE_COORDINATOR),
                                "{\"entries\": [{\"clientId\": \"%s\", \"attendance\": \"PRESENT\"}]}"
                                        .formatted(client))
                        .status())
                .isEqualTo(403);
        Response groups = http.get(
                "/api/group-sessions?date=" + LocalDate.ofInstant(later, ZoneId.of("America/New_York")), clinician);
        assertThat(groups.status()).isEqualTo(200);
        assertThat(groups.text()).contains(future.toString()).contains(client.toString());
    }

    @Test
    void attendanceConfirmedMarksTheSessionConfirmedOnce() {
        UUID client = client();
        Instant later = Instant.now().plus(Duration.ofDays(1));
        UUID session = session(client, null, later, null);
        AttendanceConfirmed confirmed =
                new AttendanceConfirmed(UUID.randomUUID(), Instant.now(), client, session, ContactChannel.SMS);

        TestKafka.publish(confirmed);
        TestKafka.publish(confirmed);

        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                        "SELECT confirmed_at IS NOT NULL FROM client_session WHERE id = ?", Boolean.class, session));
        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM processed_event WHERE event_id = ?",
                                Long.class,
                                confirmed.eventId())
                        == 1);
        // staff see the confirmation on the client's schedule
        Response sessions = http.get("/api/clients/" + client + "/sessions", TestTokens.bearer(StaffRole.SCHEDULER));
        assertThat(sessions.status()).as(sessions.text()).isEqualTo(200);
        assertThat(sessions.json().get(0).get("id").asString()).isEqualTo(session.toString());
        assertThat(sessions.json().get(0).get("confirmedAt").isNull()).isFalse();
    }

    @Test
    void aClinicianSeesOnlyTheGroupsTheirClientsSitInAndOnlyTheirClientsInTheRoster() {
        Instant start = Instant.now().plus(Duration.ofDays(2));
        UUID shared = group(start, start.plus(Duration.ofHours(3)));
        UUID othersOnly = group(start, start.plus(Duration.ofHours(3)));
        UUID own = client();
        UUID other = client("clin-else");
        session(own, shared, start.plus(Duration.ofHours(3)), null);
        session(other, shared, start.plus(Duration.ofHours(3)), null);
        session(other, othersOnly, start.plus(Duration.ofHours(3)), null);
        String day = "/api/group-sessions?date=" + LocalDate.ofInstant(start, ZoneId.of("America/New_York"));

        Response clinician = http.get(day, TestTokens.bearer(StaffRole.CLINICIAN));
        assertThat(clinician.status()).as(clinician.text()).isEqualTo(200);
        assertThat(clinician.text())
                .contains(shared.toString(), own.toString())
                .doesNotContain(othersOnly.toString())
                .doesNotContain(other.toString());

        Response scheduler = http.get(day, TestTokens.bearer(StaffRole.SCHEDULER));
        assertThat(scheduler.status()).as(scheduler.text()).isEqualTo(200);
        assertThat(scheduler.text())
                .contains(shared.toString(), othersOnly.toString(), own.toString(), other.toString());
    }

    @Test
    void aGroupAttendanceNamingAClientOutsideTheCallersCaseloadIsRefusedWhole() {
        Instant start = Instant.now().minus(Duration.ofMinutes(10));
        UUID running = group(start, start.plus(Duration.ofHours(3)));
        UUID own = client();
        UUID other = client("clin-else");
        UUID ownSeat = session(own, running, start.plus(Duration.ofHours(3)), null);
        UUID otherSeat = session(other, running, start.plus(Duration.ofHours(3)), null);
        String clinician = TestTokens.bearer(StaffRole.CLINICIAN);
        String path = "/api/group-sessions/" + running + "/attendance";
        String both = """
                {"entries": [{"clientId": "%s", "attendance": "PRESENT"}, {"clientId": "%s", "attendance": "ABSENT"}]}
                """.formatted(own, other);

        Response refused = http.postJson(path, clinician, both);
        assertThat(refused.status()).as(refused.text()).isEqualTo(404);
        assertThat(refused.text()).doesNotContain(other.toString());
        assertThat(attendance(ownSeat)).isNull();
        assertThat(attendance(otherSeat)).isNull();

        String ownOnly = "{\"entries\": [{\"clientId\": \"%s\", \"attendance\": \"PRESENT\"}]}".formatted(own);
        Response recorded = http.postJson(path, clinician, ownOnly);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
        assertThat(attendance(ownSeat)).isEqualTo("PRESENT");
        assertThat(attendance(otherSeat)).isNull();

        assertThat(http.postJson(path, TestTokens.bearer(StaffRole.SCHEDULER), both)
                        .status())
                .isEqualTo(200);
        assertThat(attendance(otherSeat)).isEqualTo("ABSENT");
    }

    private String attendance(UUID session) {
        return jdbc.queryForObject("SELECT attendance FROM client_session WHERE id = ?", String.class, session);
    }
}
