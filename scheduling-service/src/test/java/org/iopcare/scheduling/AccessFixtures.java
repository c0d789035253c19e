package org.iopcare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.support.caseload.CareTeamProjection;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The access matrix suite's clients, made once per test JVM through scheduling's real paths: tracks
 * through the API, enrollments on the broker, care teams through the projection. Clients a and b
 * sit in the same group sessions of one track and have open booking needs (their clinicians have
 * no availability); waitingA and waitingB wait for a seat on a second, full track. a and waitingA
 * are on {@code clin-own}'s team, b and waitingB on {@code clin-other}'s.
 */
final class AccessFixtures {

    static final String OWN_CLINICIAN = "clin-own";
    static final String OTHER_CLINICIAN = "clin-other";
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Bookings start past the horizon, an hour apart, so they never meet a planned session. */
    private static final Instant FIRST_SLOT =
            Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(45));

    private static final AtomicInteger SLOTS = new AtomicInteger();
    private static Fixtures made;

    record Fixtures(
            String track,
            String waitTrack,
            String spareTrack,
            UUID a,
            UUID b,
            UUID waitingA,
            UUID waitingB,
            LocalDate groupDay) {}

    private final JdbcTemplate jdbc;
    private final CareTeamProjection careTeams;
    private final TestHttp http;

    AccessFixtures(JdbcTemplate jdbc, CareTeamProjection careTeams, TestHttp http) {
        this.jdbc = jdbc;
        this.careTeams = careTeams;
        this.http = http;
    }

    Fixtures get() {
        synchronized (AccessFixtures.class) {
            if (made == null) {
                made = make();
            }
            return made;
        }
    }

    private Fixtures make() {
        String admin = TestTokens.bearerFor("staff-program-admin", StaffRole.PROGRAM_ADMIN);
        String track = code("AM-T");
        String waitTrack = code("AM-W");
        String spareTrack = code("AM-S");
        for (String[] t : new String[][] {{track, "12"}, {waitTrack, "1"}, {spareTrack, "12"}}) {
            Response created = http.postJson("/api/tracks", admin, trackJson(t[0], Integer.parseInt(t[1])));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
        }
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID seated = UUID.randomUUID();
        UUID waitingA = UUID.randomUUID();
        UUID waitingB = UUID.randomUUID();
        team(a, OWN_CLINICIAN);
        team(waitingA, OWN_CLINICIAN);
        team(b, OTHER_CLINICIAN);
        team(waitingB, OTHER_CLINICIAN);
        team(seated, OTHER_CLINICIAN);

        TestKafka.publish(enrolled(a, track, OWN_CLINICIAN));
        TestKafka.publish(enrolled(b, track, OTHER_CLINICIAN));
        TestKafka.publish(enrolled(seated, waitTrack, OTHER_CLINICIAN));
        awaitStatus(a, "ACTIVE");
        awaitStatus(b, "ACTIVE");
        awaitStatus(seated, "ACTIVE");
        TestKafka.publish(enrolled(waitingA, waitTrack, OWN_CLINICIAN));
        TestKafka.publish(enrolled(waitingB, waitTrack, OTHER_CLINICIAN));
        awaitStatus(waitingA, "WAITLISTED");
        awaitStatus(waitingB, "WAITLISTED");
        assertThat(count("SELECT count(*) FROM booking_need WHERE client_id = ? AND resolved_at IS NULL", a))
                .isPositive();
        assertThat(count("SELECT count(*) FROM booking_need WHERE client_id = ? AND resolved_at IS NULL", b))
                .isPositive();
        LocalDate groupDay = jdbc.queryForObject("""
                SELECT min(g.local_date) FROM group_session g
                WHERE g.track_code = ?
                  AND EXISTS (SELECT 1 FROM client_session s WHERE s.group_session_id = g.id AND s.client_id = ?)
                  AND EXISTS (SELECT 1 FROM client_session s WHERE s.group_session_id = g.id AND s.client_id = ?)
                """, LocalDate.class, track, a, b);
        assertThat(groupDay).isNotNull();
        return new Fixtures(track, waitTrack, spareTrack, a, b, waitingA, waitingB, groupDay);
    }

    void team(UUID client, String clinician) {
        careTeams.replace(new CareTeamChanged(UUID.randomUUID(), Instant.now(), client, clinician, List.of(clinician)));
    }

    /** A session of the client booked through the API by a scheduler, not yet started. */
    UUID bookedSession(UUID client) {
        Response booked = http.postJson(
                "/api/clients/" + client + "/sessions",
                TestTokens.bearerFor("staff-scheduler", StaffRole.SCHEDULER),
                booking(nextSlot()));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        return UUID.fromString(booked.json().get("id").asString());
    }

    /** An individual session of the client that started five minutes ago, attendance not taken. */
    UUID runningIndividualSession(UUID client) {
        Instant now = Instant.now();
        return SchedulingIT.individualSession(
                jdbc, client, OWN_CLINICIAN, now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofMinutes(25)));
    }

    /** A group session of a track of its own that started five minutes ago. */
    UUID runningGroup() {
        UUID id = UUID.randomUUID();
        Instant start = Instant.now().minus(Duration.ofMinutes(5));
        jdbc.update(
                """
                INSERT INTO group_session (id, track_code, local_date, starts_at, ends_at, time_zone, capacity, status)
                VALUES (?, ?, ?, ?, ?, 'America/New_York', 12, 'SCHEDULED')
                """,
                id,
                code("AM-G"),
                Date.valueOf(LocalDate.ofInstant(start, ZONE)),
                Timestamp.from(start),
                Timestamp.from(start.plus(Duration.ofHours(3))));
        return id;
    }

    private static final java.util.concurrent.atomic.AtomicInteger FUTURE_GROUPS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** A group meeting of the track, a day of its own far ahead, with free seats. */
    UUID futureGroup(String track) {
        UUID id = UUID.randomUUID();
        LocalDate day = LocalDate.now(ZONE).plusDays(600 + FUTURE_GROUPS.incrementAndGet());
        Instant start = day.atTime(15, 0).atZone(ZONE).toInstant();
        jdbc.update(
                """
                INSERT INTO group_session (id, track_code, local_date, starts_at, ends_at, time_zone, capacity, status)
                VALUES (?, ?, ?, ?, ?, 'America/New_York', 12, 'SCHEDULED')
                """,
                id,
                track,
                Date.valueOf(day),
                Timestamp.from(start),
                Timestamp.from(start.plus(Duration.ofHours(3))));
        return id;
    }

    /** The client's seat in a group session. */
    UUID seat(UUID client, UUID group) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO client_session (id, client_id, kind, group_session_id, starts_at, ends_at, time_zone, modality,
                                            status, created_at)
                SELECT ?, ?, 'GROUP', id, starts_at, ends_at, time_zone, 'IN_PERSON', 'SCHEDULED', now()
                FROM group_session WHERE id = ?
                """, id, client, group);
        return id;
    }

    Instant nextSlot() {
        return FIRST_SLOT.plus(Duration.ofHours(SLOTS.incrementAndGet()));
    }

    /** A morning far past the horizon and every booking, a day of its own per call. */
    LocalDateTime rescheduleTarget() {
        return LocalDate.now(ZONE).plusDays(200 + SLOTS.incrementAndGet()).atTime(10, 0);
    }

    /** A clinician of their own, taking sessions 08:00 to 20:00 every day. */
    String clinicianWithHours() {
        String id = code("clin-hours").toLowerCase();
        for (DayOfWeek day : DayOfWeek.values()) {
            jdbc.update(
                    "INSERT INTO clinician_availability VALUES (?, ?, '08:00', '20:00', 'America/New_York')",
                    id,
                    day.name());
        }
        return id;
    }

    Timestamp startOf(UUID session) {
        return jdbc.queryForObject("SELECT starts_at FROM client_session WHERE id = ?", Timestamp.class, session);
    }

    /** A closure of the track on a day of its own a year ahead, nothing scheduled then. */
    UUID futureClosure(String track) {
        UUID id = UUID.randomUUID();
        LocalDate day = LocalDate.now(ZONE).plusDays(365 + SLOTS.incrementAndGet());
        jdbc.update(
                "INSERT INTO closure (id, track_code, first_day, last_day, created_by, created_at) VALUES (?, ?, ?, ?, 'staff-test', now())",
                id,
                track,
                Date.valueOf(day),
                Date.valueOf(day));
        return id;
    }

    String attendance(UUID session) {
        return jdbc.queryForObject("SELECT attendance FROM client_session WHERE id = ?", String.class, session);
    }

    String sessionStatus(UUID session) {
        return jdbc.queryForObject("SELECT status FROM client_session WHERE id = ?", String.class, session);
    }

    Object trackVersion(String code) {
        return jdbc.queryForObject("SELECT updated_at FROM program_track WHERE code = ?", Timestamp.class, code);
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    void awaitStatus(UUID client, String status) {
        await().atMost(PATIENCE)
                .until(
                        () -> jdbc.queryForList(
                                "SELECT status FROM client_schedule WHERE client_id = ?", String.class, client),
                        List.of(status)::equals);
    }

    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String booking(Instant at) {
        return "{\"kind\": \"INDIVIDUAL_THERAPY\", \"startsAt\": \"%s\", \"minutes\": 30}".formatted(at);
    }

    /** A track meeting every evening, 21:00 to 23:30 in New York. */
    static String trackJson(String code, int capacity) {
        return """
                {"code": "%s", "name": "Access matrix track", "timeZone": "America/New_York",
                 "meetingDays": ["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
                 "localStart": "21:00", "localEnd": "23:30", "capacity": %d, "ageGroup": "ADULT",
                 "components": [{"kind": "GROUP_THERAPY", "minutes": 150}]}
                """.formatted(code, capacity);
    }

    static ClientEnrolled enrolled(UUID client, String track, String clinician) {
        return new ClientEnrolled(
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                client,
                UUID.randomUUID(),
                track,
                LocalDate.now(ZONE),
                clinician,
                AgeGroup.ADULT,
                "America/New_York",
                "Sam",
                "+16175550100",
                "sam@example.org",
                true,
                true);
    }
}
