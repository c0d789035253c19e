package org.iopcare.scheduling.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.BookingReason;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.ClientDischarged;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.ClientTransferred;
import org.iopcare.events.DischargeReason;
import org.iopcare.events.SessionCancelled;
import org.iopcare.events.SessionKind;
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

class ScheduleIT extends SchedulingIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final AtomicInteger TRACKS = new AtomicInteger();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CareTeamProjection careTeams;

    /** A track of its own per test, meeting every day in the evening, and a clinician free all week. */
    String track(int capacity) {
        return track(jdbc, capacity);
    }

    static String track(JdbcTemplate jdbc, int capacity) {
        String code = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.update("""
                INSERT INTO program_track (code, name, time_zone, meeting_days, local_start, local_end, capacity,
                                           age_group, modality, updated_at)
                VALUES (?, 'IT track', 'America/New_York',
                        'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY', '21:00', '23:30', ?, 'ADULT',
                        'VIRTUAL', now())
                """, code, capacity);
        jdbc.update(
                "INSERT INTO track_component (track_code, position, component, minutes) VALUES (?, 1, 'GROUP_THERAPY', 150)",
                code);
        return code;
    }

    String clinician() {
        return clinician(jdbc);
    }

    /** A clinician of its own, taking sessions 08:00 to 20:00 in New York every day. */
    static String clinician(JdbcTemplate jdbc) {
        String id = "clin-it-" + TRACKS.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 4);
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            jdbc.update(
                    "INSERT INTO clinician_availability VALUES (?, ?, '08:00', '20:00', 'America/New_York')", id, day);
        }
        return id;
    }

    static ClientEnrolled enrolled(UUID client, String track, String clinician, Instant occurredAt) {
        return new ClientEnrolled(
                UUID.randomUUID(),
                occurredAt,
                client,
                UUID.randomUUID(),
                track,
                LocalDate.now(NEW_YORK),
                clinician,
                AgeGroup.ADULT,
                "America/New_York",
                "Sam",
                "+16175550100",
                "sam@example.org",
                true,
                true);
    }

    @Test
    void theMovableClockExistsInTheLocalRunOnly() {
        String admin = TestTokens.bearer(StaffRole.PROGRAM_ADMIN);
        assertThat(http.postJson("/dev/clock/advance", admin, "{\"by\": \"PT1H\"}")
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/dev/clock", admin).status()).isEqualTo(404);
    }

    @Test
    void enrolledSchedulesEachSessionOnceAndATrackChangeReplansInOneGo() {
        String first = track(12);
        String second = track(12);
        String clinician = clinician();
        UUID client = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ClientEnrolled original = enrolled(client, first, clinician, now);
        ClientEnrolled moved = enrolled(client, second, clinician, now.plusSeconds(1));

        try (KafkaConsumer<byte[], byte[]> scheduled = TestKafka.reader(Topics.SESSION_SCHEDULED);
                KafkaConsumer<byte[], byte[]> cancelled = TestKafka.reader(Topics.SESSION_CANCELLED)) {
            TestKafka.publish(original);
            TestKafka.publish(original);
            TestKafka.publish(original);
            TestKafka.publish(moved);

            List<SessionScheduled> published = new ArrayList<>();
            List<SessionCancelled> withdrawn = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                published.addAll(readFor(scheduled, client, SessionScheduled.class));
                withdrawn.addAll(readFor(cancelled, client, SessionCancelled.class));
                assertThat(published).hasSize(count("SELECT count(*) FROM client_session WHERE client_id = ?", client));
                assertThat(withdrawn)
                        .hasSize(count(
                                "SELECT count(*) FROM client_session WHERE client_id = ? AND status = 'CANCELLED'",
                                client));
                assertThat(count(
                                "SELECT count(*) FROM client_schedule WHERE client_id = ? AND track_code = ?",
                                client,
                                second))
                        .isOne();
            });
            assertThat(published).extracting(SessionScheduled::sessionId).doesNotHaveDuplicates();
            assertThat(published)
                    .extracting(SessionScheduled::kind)
                    .contains(SessionKind.GROUP, SessionKind.INDIVIDUAL_THERAPY, SessionKind.CLINICIAN_CHECK_IN);
            assertThat(published).allSatisfy(e -> assertThat(e.timeZone()).isEqualTo("America/New_York"));
            assertThat(published).allSatisfy(e -> assertThat(e.reason()).isEqualTo(BookingReason.ENROLLMENT));
            assertThat(withdrawn).allSatisfy(e -> assertThat(e.reason()).isEqualTo(CancellationReason.TRACK_CHANGE));
            // Over 28 days a daily track has 28 or 29 meetings, each planned once for each track.
            int groupsOnFirst = count(
                    "SELECT count(*) FROM client_session s JOIN group_session g ON g.id = s.group_session_id"
                            + " WHERE s.client_id = ? AND g.track_code = ?",
                    client,
                    first);
            assertThat(groupsOnFirst).isBetween(28, 29);
            assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = ?", original.eventId()))
                    .isOne();
            assertThat(count(
                            "SELECT count(*) FROM client_session WHERE client_id = ? AND status = 'SCHEDULED'"
                                    + " AND kind = 'INDIVIDUAL_THERAPY' AND plan_week IS NOT NULL",
                            client))
                    .isBetween(4, 6);
        }
        // local times held in the track's zone, as the client's clinician sees them
        careTeams.replace(
                new CareTeamChanged(UUID.randomUUID(), Instant.now(), client, "staff-test", List.of("staff-test")));
        Response sessions = http.get("/api/clients/" + client + "/sessions", TestTokens.bearer(StaffRole.CLINICIAN));
        assertThat(sessions.status()).isEqualTo(200);
        List<String> groupStarts = new ArrayList<>();
        sessions.json().forEach(s -> {
            if (s.get("kind").asString().equals("GROUP")
                    && s.get("status").asString().equals("SCHEDULED")) {
                groupStarts.add(s.get("localStart").asString());
            }
        });
        assertThat(groupStarts).isNotEmpty().allSatisfy(t -> assertThat(t).endsWith("T21:00:00"));

        // by default the whole of today is listed in every zone: a session at 23:00 UTC yesterday is
        // still today in the Americas
        Instant lateYesterday = LocalDate.now(ZoneOffset.UTC)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .minusSeconds(3600);
        UUID earlier = jdbc.queryForObject(
                "SELECT id FROM client_session WHERE client_id = ? ORDER BY starts_at LIMIT 1", UUID.class, client);
        jdbc.update(
                "UPDATE client_session SET starts_at = ?, ends_at = ? WHERE id = ?",
                Timestamp.from(lateYesterday),
                Timestamp.from(lateYesterday.plus(Duration.ofHours(1))),
                earlier);
        Response today = http.get("/api/clients/" + client + "/sessions", TestTokens.bearer(StaffRole.CLINICIAN));
        assertThat(today.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        today.json().forEach(session -> ids.add(session.get("id").asString()));
        assertThat(ids).contains(earlier.toString());
    }

    @Test
    void aFullTrackWaitlistsAndADischargeCancelsFreesTheSeatAndPromotes() {
        String track = track(1);
        String clinician = clinician();
        UUID seated = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        String scheduler = TestTokens.bearer(StaffRole.SCHEDULER);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TestKafka.publish(enrolled(seated, track, clinician, now));
        await().atMost(PATIENCE).until(() -> status(seated), "ACTIVE"::equals);
        TestKafka.publish(enrolled(waiting, track, clinician, now));
        await().atMost(PATIENCE).until(() -> status(waiting), "WAITLISTED"::equals);

        JsonNode waitlist =
                http.get("/api/tracks/" + track + "/waitlist", scheduler).json();
        assertThat(waitlist.get(0).get("clientId").asString()).isEqualTo(waiting.toString());
        assertThat(waitlist.get(0).get("position").asInt()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM client_session WHERE client_id = ? AND kind = 'GROUP'", waiting))
                .isZero();
        int seatedUpcoming = count(
                "SELECT count(*) FROM client_session WHERE client_id = ? AND status = 'SCHEDULED' AND starts_at >= ?",
                seated,
                java.sql.Timestamp.from(
                        LocalDate.now(NEW_YORK).atStartOfDay(NEW_YORK).toInstant()));

        ClientDischarged discharged = new ClientDischarged(
                UUID.randomUUID(),
                Instant.now(),
                seated,
                jdbc.queryForObject(
                        "SELECT enrollment_id FROM client_enrollment WHERE client_id = ?", UUID.class, seated),
                LocalDate.now(NEW_YORK),
                DischargeReason.COMPLETED);
        try (KafkaConsumer<byte[], byte[]> cancelled = TestKafka.reader(Topics.SESSION_CANCELLED)) {
            TestKafka.publish(discharged);
            TestKafka.publish(discharged);

            List<SessionCancelled> withdrawn = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                withdrawn.addAll(readFor(cancelled, seated, SessionCancelled.class));
                assertThat(withdrawn).hasSize(seatedUpcoming);
                assertThat(status(waiting)).isEqualTo("ACTIVE");
            });
            assertThat(withdrawn).allSatisfy(e -> assertThat(e.reason()).isEqualTo(CancellationReason.DISCHARGE));
        }
        assertThat(status(seated)).isEqualTo("ENDED");
        assertThat(count("SELECT count(*) FROM client_session WHERE client_id = ? AND kind = 'GROUP'", waiting))
                .isPositive();
        // never over capacity: at most one seat per group session of the track
        assertThat(jdbc.queryForObject("""
                        SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM client_session s
                          JOIN group_session g ON g.id = s.group_session_id
                          WHERE g.track_code = ? AND s.status = 'SCHEDULED' GROUP BY g.id) seats
                        """, Integer.class, track)).isOne();
        assertThat(http.get("/api/tracks/" + track + "/waitlist", scheduler)
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void closuresAndSingleCancellationsCancelWhatWasScheduled() {
        String track = track(12);
        UUID client = UUID.randomUUID();
        TestKafka.publish(enrolled(client, track, clinician(), Instant.now()));
        await().atMost(PATIENCE).until(() -> status(client), "ACTIVE"::equals);
        String scheduler = TestTokens.bearer(StaffRole.SCHEDULER);
        LocalDate day = LocalDate.now(NEW_YORK).plusDays(3);

        Response closure = http.postJson(
                "/api/closures",
                scheduler,
                "{\"firstDay\": \"%s\", \"lastDay\": \"%s\", \"trackCode\": \"%s\"}"
                        .formatted(day, day.plusDays(1), track));
        assertThat(closure.status()).as(closure.text()).isEqualTo(201);
        assertThat(closure.json().get("cancelledSessions").asInt()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM group_session WHERE track_code = ? AND status = 'CANCELLED'", track))
                .isEqualTo(2);
        assertThat(http.postJson(
                                "/api/closures",
                                TestTokens.bearer(StaffRole.CLINICIAN),
                                "{\"firstDay\": \"%s\", \"lastDay\": \"%s\"}".formatted(day, day))
                        .status())
                .isEqualTo(403);

        // staff see why: the closed days' sessions carry the reason, the others none
        Response schedule = http.get(
                "/api/clients/" + client + "/sessions?from=" + day.minusDays(1) + "&to=" + day.plusDays(3), scheduler);
        assertThat(schedule.status()).as(schedule.text()).isEqualTo(200);
        List<String> reasons = new ArrayList<>();
        schedule.json()
                .forEach(s -> reasons.add(s.get("status").asString() + " "
                        + s.get("cancellationReason").asString()));
        assertThat(reasons)
                .filteredOn(r -> r.startsWith("CANCELLED"))
                .containsExactly("CANCELLED CLOSURE", "CANCELLED CLOSURE");
        assertThat(reasons).filteredOn(r -> r.startsWith("SCHEDULED")).allMatch("SCHEDULED "::equals);
        UUID session = jdbc.queryForObject(
                "SELECT id FROM client_session WHERE client_id = ? AND status = 'SCHEDULED' ORDER BY starts_at DESC LIMIT 1",
                UUID.class,
                client);
        Response cancelled =
                http.postJson("/api/sessions/" + session + "/cancel", scheduler, "{\"reason\": \"STAFF\"}");
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancellationReason").asString()).isEqualTo("STAFF");
        assertThat(http.postJson("/api/sessions/" + session + "/cancel", scheduler, "{}")
                        .status())
                .isEqualTo(200);
        // the second call found it cancelled and changed (and published) nothing
        assertThat(jdbc.queryForObject("SELECT cancel_reason FROM client_session WHERE id = ?", String.class, session))
                .isEqualTo("STAFF");
        assertThat(jdbc.queryForList(
                        "SELECT action || ' ' || path_pattern || ' ' || status FROM audit_entry WHERE path_ids = ?",
                        String.class,
                        "id=" + session))
                .contains("CREATE /api/sessions/{id}/cancel 200");
    }

    @Autowired
    TrackTransfer transfers;

    /** Group sessions of one track a client holds, by status: the start instants, earliest first. */
    private List<Instant> groupStarts(UUID client, String track, String status) {
        return jdbc
                .queryForList(
                        "SELECT s.starts_at FROM client_session s JOIN group_session g ON g.id = s.group_session_id"
                                + " WHERE s.client_id = ? AND g.track_code = ? AND s.status = ? ORDER BY s.starts_at",
                        Timestamp.class,
                        client,
                        track,
                        status)
                .stream()
                .map(Timestamp::toInstant)
                .toList();
    }

    @Test
    void aTransferMovesTheGroupSessionsFromItsDateAndTheFullTrackWaitlistsTheSecondClient() {
        String from = track(12);
        String onto = track(1);
        String clinician = clinician();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        ClientEnrolled firstEnrolled = enrolled(first, from, clinician, Instant.now());
        ClientEnrolled secondEnrolled = enrolled(second, from, clinician, Instant.now());
        TestKafka.publish(firstEnrolled);
        TestKafka.publish(secondEnrolled);
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> groupStarts(first, from, "SCHEDULED").size() >= 28
                        && groupStarts(second, from, "SCHEDULED").size() >= 28);
        LocalDate effective = LocalDate.now(NEW_YORK).plusDays(7);
        Instant cut = effective.atStartOfDay(NEW_YORK).toInstant();
        int individual = count(
                "SELECT count(*) FROM client_session WHERE client_id = ? AND kind <> 'GROUP' AND status = 'SCHEDULED'",
                first);

        try (KafkaConsumer<byte[], byte[]> cancelled = TestKafka.reader(Topics.SESSION_CANCELLED);
                KafkaConsumer<byte[], byte[]> scheduled = TestKafka.reader(Topics.SESSION_SCHEDULED)) {
            ClientTransferred move = new ClientTransferred(
                    UUID.randomUUID(), Instant.now(), first, firstEnrolled.enrollmentId(), from, onto, effective);
            TestKafka.publish(move);
            TestKafka.publish(move);
            TestKafka.publish(new ClientTransferred(
                    UUID.randomUUID(), Instant.now(), second, secondEnrolled.enrollmentId(), from, onto, effective));
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> count(
                                    "SELECT count(*) FROM client_schedule WHERE client_id IN (?, ?) AND track_code = ?",
                                    first,
                                    second,
                                    onto)
                            == 2);
            UUID seated = "ACTIVE".equals(status(first)) ? first : second;
            UUID waiting = seated.equals(first) ? second : first;
            assertThat(status(waiting)).isEqualTo("WAITLISTED");
            for (UUID client : List.of(first, second)) {
                assertThat(groupStarts(client, from, "SCHEDULED"))
                        .isNotEmpty()
                        .allSatisfy(start -> assertThat(start).isBefore(cut));
                assertThat(groupStarts(client, from, "CANCELLED"))
                        .hasSizeBetween(21, 22)
                        .allSatisfy(start -> assertThat(start).isAfterOrEqualTo(cut));
            }
            // the seat from the date on, never over the capacity of one; the waiting client has none
            assertThat(groupStarts(seated, onto, "SCHEDULED"))
                    .hasSizeBetween(21, 22)
                    .allSatisfy(start -> assertThat(start).isAfterOrEqualTo(cut));
            assertThat(groupStarts(waiting, onto, "SCHEDULED")).isEmpty();
            assertThat(count(
                            "SELECT count(*) FROM client_session s JOIN group_session g ON g.id = s.group_session_id"
                                    + " WHERE g.track_code = ? AND s.status = 'SCHEDULED'"
                                    + " GROUP BY s.group_session_id ORDER BY count(*) DESC LIMIT 1",
                            onto))
                    .isOne();
            // individual sessions and check-ins with the clinician stay; the redelivery changed nothing
            assertThat(count(
                            "SELECT count(*) FROM client_session WHERE client_id = ? AND kind <> 'GROUP'"
                                    + " AND status = 'SCHEDULED'",
                            first))
                    .isEqualTo(individual);
            assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = ?", move.eventId()))
                    .isOne();
            assertThat(http.get("/api/clients/" + first + "/enrollment", TestTokens.bearer(StaffRole.SCHEDULER))
                            .json()
                            .get("trackCode")
                            .asString())
                    .isEqualTo(onto);

            // one session-cancelled (TRACK_CHANGE) per cancelled seat, one session-scheduled per new one
            List<SessionCancelled> withdrawn = new ArrayList<>();
            List<SessionScheduled> booked = new ArrayList<>();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                withdrawn.addAll(readFor(cancelled, seated, SessionCancelled.class));
                booked.addAll(readFor(scheduled, seated, SessionScheduled.class));
                assertThat(withdrawn).hasSameSizeAs(groupStarts(seated, from, "CANCELLED"));
                assertThat(booked.stream().filter(e -> !e.startsAt().isBefore(cut) && e.kind() == SessionKind.GROUP))
                        .hasSizeGreaterThanOrEqualTo(
                                groupStarts(seated, onto, "SCHEDULED").size());
            });
            assertThat(withdrawn).allSatisfy(e -> assertThat(e.reason()).isEqualTo(CancellationReason.TRACK_CHANGE));
            // the new track's seats say they were booked for the transfer
            assertThat(booked)
                    .filteredOn(e -> e.occurredAt().isAfter(move.occurredAt()) && e.kind() == SessionKind.GROUP)
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.reason()).isEqualTo(BookingReason.TRANSFER));
        }
    }

    @Test
    void aTransferAcrossTheMarchChangeKeepsTheNewTracksLocalTimes() {
        String from = track(12);
        String onto = track(12);
        UUID client = UUID.randomUUID();
        // scheduling's clock on 1 March 2027; the change in New York is on Sunday 14 March
        Instant now = Instant.parse("2027-03-01T17:00:00Z");
        LocalDate effective = LocalDate.parse("2027-03-10");
        jdbc.update("""
                INSERT INTO client_schedule (client_id, track_code, status, start_date, clinician_id, age_group,
                                             updated_at)
                VALUES (?, ?, 'ACTIVE', '2027-03-01', ?, 'ADULT', now())
                """, client, from, clinician());
        ClientSchedule schedule = new ClientSchedule(
                client,
                from,
                ClientSchedule.Status.ACTIVE,
                LocalDate.parse("2027-03-01"),
                jdbc.queryForObject(
                        "SELECT clinician_id FROM client_schedule WHERE client_id = ?", String.class, client),
                AgeGroup.ADULT,
                null);

        transfers.transfer(schedule, onto, effective, now);

        // the previous track up to the day before, the new one from the date to the horizon
        assertThat(groupStarts(client, from, "SCHEDULED"))
                .extracting(start -> start.atZone(NEW_YORK).toLocalDate().toString())
                .containsExactly(
                        "2027-03-01",
                        "2027-03-02",
                        "2027-03-03",
                        "2027-03-04",
                        "2027-03-05",
                        "2027-03-06",
                        "2027-03-07",
                        "2027-03-08",
                        "2027-03-09");
        List<Instant> moved = groupStarts(client, onto, "SCHEDULED");
        assertThat(moved).hasSize(20);
        assertThat(moved)
                .allSatisfy(start ->
                        assertThat(start.atZone(NEW_YORK).toLocalTime()).hasToString("21:00"));
        assertThat(moved)
                .contains(
                        Instant.parse("2027-03-14T02:00:00Z"), // Saturday 13 March, 21:00 EST
                        Instant.parse("2027-03-15T01:00:00Z")); // Sunday 14 March, 21:00 EDT
        assertThat(moved.get(0).atZone(NEW_YORK).toLocalDate()).isEqualTo(effective);
        assertThat(jdbc.queryForObject(
                        "SELECT scheduled_through FROM client_schedule WHERE client_id = ?", LocalDate.class, client))
                .isEqualTo(LocalDate.parse("2027-03-29"));
    }

    @Autowired
    ScheduleEvents scheduleEvents;

    @Test
    void aDischargeDatedAheadKeepsTheSessionsUntilItsDayAndFreesTheSeatOnThatDay() {
        String track = track(1);
        String clinician = clinician();
        UUID leaving = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        ClientEnrolled leavingEnrolled = enrolled(leaving, track, clinician, Instant.now());
        TestKafka.publish(leavingEnrolled);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> "ACTIVE".equals(status(leaving)));
        TestKafka.publish(enrolled(waiting, track, clinician, Instant.now()));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> "WAITLISTED".equals(status(waiting)));
        LocalDate day = LocalDate.now(NEW_YORK).plusDays(10);
        Instant cut = day.atStartOfDay(NEW_YORK).toInstant();

        TestKafka.publish(new ClientDischarged(
                UUID.randomUUID(),
                Instant.now(),
                leaving,
                leavingEnrolled.enrollmentId(),
                day,
                DischargeReason.COMPLETED));
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !groupStarts(leaving, track, "CANCELLED").isEmpty());
        // until the day the client keeps the seat and the sessions (reminded as before); from it, nothing
        assertThat(groupStarts(leaving, track, "CANCELLED"))
                .allSatisfy(start -> assertThat(start).isAfterOrEqualTo(cut));
        assertThat(groupStarts(leaving, track, "SCHEDULED"))
                .hasSizeBetween(9, 10)
                .allSatisfy(start -> assertThat(start).isBefore(cut));
        assertThat(count(
                        "SELECT count(*) FROM client_session WHERE client_id = ? AND status = 'SCHEDULED'"
                                + " AND starts_at >= ?",
                        leaving,
                        Timestamp.from(cut)))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM client_session WHERE client_id = ? AND status = 'CANCELLED'"
                                + " AND cancel_reason <> 'DISCHARGE'",
                        leaving))
                .isZero();
        assertThat(status(leaving)).isEqualTo("ACTIVE");
        assertThat(status(waiting)).isEqualTo("WAITLISTED");
        assertThat(scheduleEvents.endDueDischarges(Instant.now(), 50)).isZero();

        // on the day (the daily job, at a quarter past three): the schedule ends, the first in line is seated
        Instant thatMorning = cut.plus(Duration.ofMinutes(195));
        assertThat(scheduleEvents.endDueDischarges(thatMorning, 50)).isOne();
        assertThat(status(leaving)).isEqualTo("ENDED");
        assertThat(status(waiting)).isEqualTo("ACTIVE");
        assertThat(groupStarts(waiting, track, "SCHEDULED"))
                .isNotEmpty()
                .allSatisfy(start -> assertThat(start).isAfter(thatMorning));
        assertThat(count(
                        "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM client_session s"
                                + " JOIN group_session g ON g.id = s.group_session_id"
                                + " WHERE g.track_code = ? AND s.status = 'SCHEDULED' GROUP BY g.id) r",
                        track))
                .isOne();
    }

    private String status(UUID client) {
        List<String> status =
                jdbc.queryForList("SELECT status FROM client_schedule WHERE client_id = ?", String.class, client);
        return status.isEmpty() ? null : status.get(0);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    static <T> List<T> readFor(KafkaConsumer<byte[], byte[]> reader, UUID client, Class<T> type) {
        List<T> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : TestKafka.poll(reader)) {
            if (new String(record.key()).equals(client.toString())) {
                events.add(TestKafka.read(record, type));
            }
        }
        return events;
    }
}
