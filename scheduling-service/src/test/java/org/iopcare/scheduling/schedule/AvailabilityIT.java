package org.iopcare.scheduling.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iopcare.testsupport.TestHttp.assertProblem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.flywaydb.core.Flyway;
import org.iopcare.events.SessionScheduled;
import org.iopcare.events.Topics;
import org.iopcare.scheduling.SchedulingIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.Infrastructure;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Clinicians' weekly hours and time off, and the booking needs they settle. */
class AvailabilityIT extends SchedulingIT {

    static final String SCHEDULER = TestTokens.bearer(StaffRole.SCHEDULER);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hoursSetForAClinicianBookTheSessionsThatWaitedForASlotOutsideTheTimeOff() {
        String track = ScheduleIT.track(jdbc, 12);
        String clinician = "clin-new-" + UUID.randomUUID().toString().substring(0, 8);
        UUID client = UUID.randomUUID();
        TestKafka.publish(
                ScheduleIT.enrolled(client, track, clinician, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        await().atMost(ScheduleIT.PATIENCE).until(() -> openNeeds(client) >= 4);
        assertThat(count("SELECT count(*) FROM client_session WHERE client_id = ? AND kind <> 'GROUP'", client))
                .isZero();

        // a week off from tomorrow: that week's session lands after it, or waits on
        LocalDate tomorrow = LocalDate.now(ScheduleIT.NEW_YORK).plusDays(1);
        LocalDateTime offFrom = tomorrow.atStartOfDay();
        LocalDateTime offUntil = tomorrow.plusDays(7).atStartOfDay();
        String body = """
                {"weeklyHours": [%s],
                 "timeOff": [{"start": "%s", "end": "%s"}]}
                """.formatted(everyDay(), offFrom, offUntil);
        try (KafkaConsumer<byte[], byte[]> scheduled = TestKafka.reader(Topics.SESSION_SCHEDULED)) {
            Response saved = put(clinician, body);
            assertThat(saved.status()).as(saved.text()).isEqualTo(200);
            int booked = saved.json().get("bookedSessions").asInt();
            assertThat(booked).isPositive();
            List<UUID> bookedIds = jdbc.queryForList(
                    "SELECT id FROM client_session WHERE client_id = ? AND kind <> 'GROUP'", UUID.class, client);
            assertThat(bookedIds).hasSize(booked);
            // only a week with no room left can still wait: the current one, or the one all off
            assertThat(count(
                            "SELECT count(DISTINCT week_start) FROM booking_need WHERE client_id = ? AND resolved_at IS NULL",
                            client))
                    .isLessThanOrEqualTo(2);
            assertThat(count(
                            """
                            SELECT count(*) FROM client_session WHERE client_id = ? AND kind <> 'GROUP'
                              AND starts_at < ? AND ends_at > ?
                            """,
                            client,
                            Timestamp.from(offUntil.atZone(ScheduleIT.NEW_YORK).toInstant()),
                            Timestamp.from(offFrom.atZone(ScheduleIT.NEW_YORK).toInstant())))
                    .isZero();

            List<SessionScheduled> published = new ArrayList<>();
            await().atMost(ScheduleIT.PATIENCE).untilAsserted(() -> {
                published.addAll(ScheduleIT.readFor(scheduled, client, SessionScheduled.class));
                assertThat(published).extracting(SessionScheduled::sessionId).containsAll(bookedIds);
            });
            assertThat(published).extracting(SessionScheduled::sessionId).doesNotHaveDuplicates();
        }

        // saving the same again books nothing more
        Response again = put(clinician, body);
        assertThat(again.json().get("bookedSessions").asInt()).isZero();
        Response read = http.get("/api/clinicians/" + clinician + "/availability", SCHEDULER);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(read.json().get("weeklyHours")).hasSize(7);
        assertThat(read.json().get("weeklyHours").get(0).get("day").asString()).isEqualTo("MONDAY");
        assertThat(read.json().get("timeOff").get(0).get("start").asString()).isEqualTo(offFrom + ":00");
    }

    @Test
    void badHoursAreProblemsAndChangeNothing() {
        String clinician = "clin-bad-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(put(clinician, "{\"weeklyHours\": [%s]}".formatted(window("MONDAY", "09:00", "12:00")))
                        .status())
                .isEqualTo(200);
        assertProblem(put(clinician, "{\"weeklyHours\": [%s]}".formatted(window("MONDAY", "12:00", "09:00"))), 422);
        assertProblem(
                put(
                        clinician,
                        "{\"weeklyHours\": [%s, %s]}"
                                .formatted(window("MONDAY", "09:00", "12:00"), window("MONDAY", "11:00", "13:00"))),
                422);
        assertProblem(
                put(
                        clinician,
                        "{\"weeklyHours\": [], \"timeOff\": [{\"start\": \"2027-01-02T00:00\", \"end\": \"2027-01-01T00:00\"}]}"),
                422);
        assertProblem(put(clinician, "{\"timeOff\": []}"), 400);
        assertProblem(put("-nope", "{\"weeklyHours\": []}"), 404);
        Response read = http.get("/api/clinicians/" + clinician + "/availability", SCHEDULER);
        assertThat(read.json().get("weeklyHours")).hasSize(1);
        assertThat(read.json().get("timeOff")).isEmpty();
        assertProblem(
                http.exchange(
                        HttpMethod.PUT,
                        "/api/clinicians/" + clinician + "/availability",
                        TestTokens.bearer(StaffRole.CLINICIAN),
                        MediaType.APPLICATION_JSON,
                        "{\"weeklyHours\": []}"),
                403);
    }

    @Test
    void theLocalRunsClinicianComeFromTheLocalMigrationsAndProductionStartsWithoutThem() throws SQLException {
        Response seeded = http.get("/api/clinicians/clin-ada/availability", SCHEDULER);
        assertThat(seeded.json().get("weeklyHours")).hasSize(2);

        String schema = "scheduling_production";
        Map<String, Object> db = Infrastructure.database(schema);
        String url = (String) db.get("spring.datasource.url");
        Flyway.configure()
                .dataSource(url, schema, schema)
                .schemas(schema)
                .defaultSchema(schema)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, schema, schema);
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT count(*) FROM " + schema + ".clinician_availability")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    Response put(String clinician, String body) {
        return http.exchange(
                HttpMethod.PUT,
                "/api/clinicians/" + clinician + "/availability",
                SCHEDULER,
                MediaType.APPLICATION_JSON,
                body);
    }

    int openNeeds(UUID client) {
        return count("SELECT count(*) FROM booking_need WHERE client_id = ? AND resolved_at IS NULL", client);
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    static String everyDay() {
        List<String> windows = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            windows.add(window(day, "08:00", "20:00"));
        }
        return String.join(", ", windows);
    }

    static String window(String day, String start, String end) {
        return "{\"day\": \"%s\", \"start\": \"%s\", \"end\": \"%s\"}".formatted(day, start, end);
    }
}
