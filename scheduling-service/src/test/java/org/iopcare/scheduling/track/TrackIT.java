package org.iopcare.scheduling.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.CloudEventHeaders;
import org.iopcare.events.IntegrationEvent;
import org.iopcare.events.SessionRescheduled;
import org.iopcare.events.Topics;
import org.iopcare.events.TrackChanged;
import org.iopcare.events.TrackStatus;
import org.iopcare.scheduling.SchedulingIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class TrackIT extends SchedulingIT {

    @Autowired
    JdbcTemplate jdbc;

    static String track(String code, String days, String start, String end) {
        return """
                {"code": "%s", "name": "Test track", "timeZone": "America/Chicago", "meetingDays": [%s],
                 "localStart": "%s", "localEnd": "%s", "capacity": 8, "ageGroup": "ADULT",
                 "components": [{"kind": "GROUP_THERAPY", "minutes": 120}, {"kind": "EXPRESSIVE_THERAPY", "minutes": 60}]}
                """.formatted(code, days, start, end);
    }

    @Test
    void listsTheSeededTracksWithTheirWeeklyHours() {
        Response response = http.get("/api/tracks", TestTokens.bearer(StaffRole.CLINICIAN));

        assertThat(response.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        response.json().forEach(t -> codes.add(t.get("code").asString()));
        assertThat(codes).contains("MH-IOP-AM", "MH-IOP-PM", "SUD-IOP-AM", "SUD-IOP-PM");
        JsonNode pm = http.get("/api/tracks/SUD-IOP-PM", TestTokens.bearer(StaffRole.SCHEDULER))
                .json();
        assertThat(pm.get("localStart").asString()).startsWith("18:00");
        assertThat(pm.get("weeklyHours").asDouble()).isEqualTo(9.0);
        assertThat(pm.get("meetingDays").toString()).contains("TUESDAY", "WEDNESDAY", "THURSDAY");
    }

    @Test
    void schedulersCreateAndReplaceTracksAndAdultTracksBelowTheMinimumAreRefused() {
        String admin = TestTokens.bearer(StaffRole.PROGRAM_ADMIN);
        String code = "T-" + System.nanoTime() % 100000;
        assertThat(http.postJson(
                                "/api/tracks",
                                TestTokens.bearer(StaffRole.CLINICIAN),
                                track(code, "\"MONDAY\"", "09:00", "12:00"))
                        .status())
                .isEqualTo(403);
        Response tooFew = http.postJson("/api/tracks", admin, track(code, "\"MONDAY\",\"TUESDAY\"", "09:00", "12:00"));
        assertThat(tooFew.status()).isEqualTo(422);
        assertThat(tooFew.json().get("type").asString()).endsWith("below-iop-minimum");

        Response created = http.postJson(
                "/api/tracks", admin, track(code, "\"MONDAY\",\"TUESDAY\",\"THURSDAY\"", "09:00", "12:00"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("weeklyHours").asDouble()).isEqualTo(9.0);
        assertThat(http.postJson(
                                "/api/tracks",
                                admin,
                                track(code, "\"MONDAY\",\"TUESDAY\",\"THURSDAY\"", "09:00", "12:00"))
                        .status())
                .isEqualTo(409);

        Response replaced = http.exchange(
                HttpMethod.PUT,
                "/api/tracks/" + code,
                TestTokens.bearer(StaffRole.SCHEDULER),
                MediaType.APPLICATION_JSON,
                track(code, "\"MONDAY\",\"TUESDAY\",\"THURSDAY\",\"FRIDAY\"", "17:00", "20:00"));
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(replaced.json().get("weeklyHours").asDouble()).isEqualTo(12.0);
        assertThat(http.get("/api/tracks/" + code, admin)
                        .json()
                        .get("localStart")
                        .asString())
                .startsWith("17:00");
        assertThat(jdbc.queryForList(
                        "SELECT action || ' ' || path_pattern || ' ' || status FROM audit_entry WHERE path_ids = ?",
                        String.class,
                        "code=" + code))
                .contains("UPDATE /api/tracks/{code} 200", "READ /api/tracks/{code} 200");
    }

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    Tracks tracks;

    /** A track inserted as the seeded ones were, before track-changed existed: never announced. */
    String unannouncedTrack() {
        String code = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        jdbc.update("""
                INSERT INTO program_track (code, name, time_zone, meeting_days, local_start, local_end, capacity,
                                           age_group, modality, updated_at)
                VALUES (?, 'IT track', 'America/New_York', 'MONDAY,WEDNESDAY,FRIDAY', '21:00', '23:30', 4, 'ADULT',
                        'VIRTUAL', now())
                """, code);
        jdbc.update(
                "INSERT INTO track_component (track_code, position, component, minutes) VALUES (?, 1, 'GROUP_THERAPY', 150)",
                code);
        return code;
    }

    /** Every track-changed record of one track read so far, in order. */
    static List<TrackChanged> changesOf(String code, List<ConsumerRecord<byte[], byte[]>> records) {
        String key = TrackChanged.keyOf(code).toString();
        return records.stream()
                .filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .peek(r -> assertThat(TestKafka.header(r, CloudEventHeaders.SUBJECT))
                        .isEqualTo(key))
                .map(r -> TestKafka.read(r, TrackChanged.class))
                .toList();
    }

    @Test
    void everyTrackIsPublishedKeyedByItsCodeAndRetiredOnlyWithoutClients() {
        String admin = TestTokens.bearer(StaffRole.PROGRAM_ADMIN);
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String busy = unannouncedTrack();
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> topic = TestKafka.reader(Topics.TRACK_CHANGED)) {
            // created, changed, retired; retiring again and changing a retired track publish nothing
            assertThat(http.postJson(
                                    "/api/tracks",
                                    admin,
                                    track(code, "\"MONDAY\",\"TUESDAY\",\"THURSDAY\"", "09:00", "12:00"))
                            .status())
                    .isEqualTo(201);
            String changed = track(code, "\"MONDAY\",\"TUESDAY\",\"THURSDAY\"", "10:00", "13:00")
                    .replace("Test track", "Late morning");
            assertThat(http.exchange(HttpMethod.PUT, "/api/tracks/" + code, admin, MediaType.APPLICATION_JSON, changed)
                            .status())
                    .isEqualTo(200);
            assertThat(http.postJson("/api/tracks/" + code + "/retire", TestTokens.bearer(StaffRole.CLINICIAN), null)
                            .status())
                    .isEqualTo(403);
            Response retired = http.postJson("/api/tracks/" + code + "/retire", admin, null);
            assertThat(retired.status()).as(retired.text()).isEqualTo(200);
            assertThat(retired.json().get("status").asString()).isEqualTo("RETIRED");
            assertThat(http.postJson("/api/tracks/" + code + "/retire", admin, null)
                            .status())
                    .isEqualTo(200);
            Response changeRetired =
                    http.exchange(HttpMethod.PUT, "/api/tracks/" + code, admin, MediaType.APPLICATION_JSON, changed);
            assertThat(changeRetired.status()).isEqualTo(409);
            assertThat(changeRetired.json().get("type").asString()).endsWith("/track-retired");
            assertThat(http.get("/api/tracks/" + code, admin)
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("RETIRED");
            assertThat(http.postJson("/api/tracks/NO-SUCH-TRACK/retire", admin, null)
                            .status())
                    .isEqualTo(404);

            // a track with a client waiting for a seat stays open
            jdbc.update("""
                    INSERT INTO client_schedule (client_id, track_code, status, waitlist_seq, start_date, clinician_id,
                                                 age_group, updated_at)
                    VALUES (?, ?, 'WAITLISTED', nextval('waitlist_seq'), current_date, 'clin-ada', 'ADULT', now())
                    """, UUID.randomUUID(), busy);
            Response refused = http.postJson("/api/tracks/" + busy + "/retire", admin, null);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("type").asString()).endsWith("/track-has-clients");
            // a track that existed before the event (inserted, like the seeded ones) is announced once
            assertThat(tracks.announceUnannounced()).isGreaterThanOrEqualTo(1);
            assertThat(tracks.announceUnannounced()).isZero();

            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                records.addAll(TestKafka.poll(topic));
                assertThat(changesOf(code, records))
                        .extracting(TrackChanged::name, TrackChanged::status)
                        .containsExactly(
                                tuple("Test track", TrackStatus.ACTIVE),
                                tuple("Late morning", TrackStatus.ACTIVE),
                                tuple("Late morning", TrackStatus.RETIRED));
                assertThat(changesOf(busy, records))
                        .extracting(TrackChanged::status)
                        .containsExactly(TrackStatus.ACTIVE);
                // the seeded tracks, announced when scheduling started
                assertThat(changesOf("MH-IOP-AM", records))
                        .extracting(TrackChanged::name)
                        .contains("Mental health IOP, morning");
            });
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM program_track WHERE announced_at IS NULL", Integer.class))
                .isZero();
    }

    /** Future seats of the track by status: local day-of-week and time of each, in the track's zone. */
    private List<Map<String, Object>> seats(String code, String status) {
        return jdbc.queryForList("""
                SELECT s.client_id, s.group_session_id,
                       to_char(s.starts_at AT TIME ZONE 'America/Chicago', 'FMDAY HH24:MI') AS local_start
                FROM client_session s JOIN group_session g ON g.id = s.group_session_id
                WHERE g.track_code = ? AND s.status = ? AND s.starts_at > now()
                """, code, status);
    }

    @Test
    void aTrackEditReplansTwentyEnrolledClientsWithinItsCapacity() {
        String admin = TestTokens.bearer(StaffRole.PROGRAM_ADMIN);
        String code = "RE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String before = track(code, "\"MONDAY\",\"WEDNESDAY\",\"FRIDAY\"", "10:00", "13:00")
                .replace("\"capacity\": 8", "\"capacity\": 15");
        assertThat(http.postJson("/api/tracks", admin, before).status()).isEqualTo(201);
        String clinician = "clin-replan-" + UUID.randomUUID().toString().substring(0, 8);
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            jdbc.update(
                    "INSERT INTO clinician_availability VALUES (?, ?, '06:00', '22:00', 'America/New_York')",
                    clinician,
                    day);
        }
        List<UUID> clients = new ArrayList<>();
        List<IntegrationEvent> enrollments = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID client = UUID.randomUUID();
            clients.add(client);
            enrollments.add(new ClientEnrolled(
                    UUID.randomUUID(),
                    Instant.now(),
                    client,
                    UUID.randomUUID(),
                    code,
                    LocalDate.now(ZoneId.of("America/Chicago")),
                    clinician,
                    AgeGroup.ADULT,
                    "America/Chicago",
                    null,
                    null,
                    null,
                    false,
                    false));
        }
        TestKafka.publishAll(enrollments);
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM client_schedule WHERE track_code = ? AND scheduled_through IS NOT NULL",
                                Integer.class,
                                code)
                        == 20);
        int wednesdays = (int) seats(code, "SCHEDULED").stream()
                .filter(seat -> seat.get("local_start").toString().startsWith("WEDNESDAY"))
                .count();

        // a capacity below the seats taken is refused, nothing changes
        Response cut = http.exchange(
                HttpMethod.PUT, "/api/tracks/" + code, admin, MediaType.APPLICATION_JSON, before.replace("15", "10"));
        assertThat(cut.status()).isEqualTo(409);
        assertThat(cut.json().get("type").asString()).endsWith("/capacity-below-seated");

        try (KafkaConsumer<byte[], byte[]> moves = TestKafka.reader(Topics.SESSION_RESCHEDULED)) {
            String after = track(code, "\"WEDNESDAY\",\"THURSDAY\",\"SATURDAY\"", "14:00", "17:00")
                    .replace("\"capacity\": 8", "\"capacity\": 15");
            Response edited =
                    http.exchange(HttpMethod.PUT, "/api/tracks/" + code, admin, MediaType.APPLICATION_JSON, after);
            assertThat(edited.status()).as(edited.text()).isEqualTo(200);

            // re-planned in the edit's transaction: the new days at the new time, never over capacity
            List<Map<String, Object>> scheduled = seats(code, "SCHEDULED");
            assertThat(scheduled)
                    .isNotEmpty()
                    .extracting(seat -> seat.get("local_start").toString())
                    .allMatch(start -> start.matches("(WEDNESDAY|THURSDAY|SATURDAY) 14:00"));
            Map<Object, Long> rosters = scheduled.stream()
                    .collect(Collectors.groupingBy(seat -> seat.get("group_session_id"), Collectors.counting()));
            assertThat(rosters.values()).allSatisfy(size -> assertThat(size).isEqualTo(15L));
            assertThat(scheduled.stream().map(seat -> seat.get("client_id")).distinct())
                    .hasSize(15)
                    .allMatch(clients::contains);
            assertThat(seats(code, "CANCELLED"))
                    .isNotEmpty()
                    .extracting(seat -> seat.get("local_start").toString())
                    .allMatch(start -> start.matches("(MONDAY|FRIDAY) 10:00"));
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM client_schedule WHERE track_code = ? AND status = 'WAITLISTED'",
                            Integer.class,
                            code))
                    .isEqualTo(5);

            // each client told once per moved meeting (the Wednesdays), keeping the seat's id
            List<UUID> told = new ArrayList<>();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                TestKafka.poll(moves).stream()
                        .filter(r -> clients.contains(UUID.fromString(new String(r.key(), StandardCharsets.UTF_8))))
                        .forEach(r -> told.add(
                                TestKafka.read(r, SessionRescheduled.class).sessionId()));
                assertThat(told).hasSize(wednesdays).doesNotHaveDuplicates();
            });
        }
    }
}
