package org.iopcare.scheduling.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iopcare.testsupport.TestHttp.assertProblem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.iopcare.events.SessionScheduled;
import org.iopcare.events.Topics;
import org.iopcare.scheduling.SchedulingIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** Closures listed and withdrawn: what a withdrawn closure cancelled is booked again, within capacity. */
class ClosureIT extends SchedulingIT {

    static final String SCHEDULER = TestTokens.bearer(StaffRole.SCHEDULER);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClosureWithdrawnBeforeItsDayBooksItsSessionsAgainWhereSeatsRemain() {
        String track = ScheduleIT.track(jdbc, 2);
        String clinician = ScheduleIT.clinician(jdbc);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        for (UUID client : List.of(a, b)) {
            TestKafka.publish(
                    ScheduleIT.enrolled(client, track, clinician, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        }
        await().atMost(ScheduleIT.PATIENCE)
                .until(() -> count(
                                "SELECT count(*) FROM client_schedule WHERE client_id IN (?, ?) AND status = 'ACTIVE'",
                                a,
                                b)
                        == 2);
        LocalDate first = LocalDate.now(ScheduleIT.NEW_YORK).plusDays(3);
        LocalDate last = first.plusDays(1);
        // the track's closure, not the program's: other tests' sessions share the database
        Response closed = http.postJson(
                "/api/closures",
                SCHEDULER,
                "{\"firstDay\": \"%s\", \"lastDay\": \"%s\", \"trackCode\": \"%s\"}".formatted(first, last, track));
        assertThat(closed.status()).as(closed.text()).isEqualTo(201);
        UUID closure = UUID.fromString(closed.json().get("id").asString());
        int cancelled = closed.json().get("cancelledSessions").asInt();
        assertThat(cancelled).isEqualTo(4); // two evenings, two clients
        Response listed = http.get("/api/closures", TestTokens.bearer(StaffRole.CLINICIAN));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(ids(listed)).contains(closure.toString());

        // the first evening's group lost a seat meanwhile: only one of the two gets it back
        jdbc.update(
                "UPDATE group_session SET capacity = 1 WHERE track_code = ? AND local_date = ?",
                track,
                java.sql.Date.valueOf(first));
        try (KafkaConsumer<byte[], byte[]> scheduled = TestKafka.reader(Topics.SESSION_SCHEDULED)) {
            Response withdrawn = http.exchange(HttpMethod.DELETE, "/api/closures/" + closure, SCHEDULER, null, null);
            assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
            assertThat(withdrawn.json().get("rebookedSessions").asInt()).isEqualTo(cancelled - 1);
            assertThat(withdrawn.json().get("notRebooked").asInt()).isOne();

            List<UUID> rebooked = jdbc.queryForList("""
                    SELECT id FROM client_session WHERE client_id IN (?, ?) AND status = 'SCHEDULED' AND closure_id IS NULL
                      AND starts_at IN (SELECT starts_at FROM client_session WHERE closure_id = ?)
                    """, UUID.class, a, b, closure);
            assertThat(rebooked).hasSize(cancelled - 1);
            assertThat(jdbc.queryForList(
                            """
                            SELECT g.local_date || ' ' || count(s.id) || '/' || g.capacity FROM group_session g
                            LEFT JOIN client_session s ON s.group_session_id = g.id AND s.status = 'SCHEDULED'
                            WHERE g.track_code = ? AND g.local_date BETWEEN ? AND ? AND g.status = 'SCHEDULED'
                            GROUP BY g.local_date, g.capacity ORDER BY g.local_date
                            """, String.class, track, java.sql.Date.valueOf(first), java.sql.Date.valueOf(last)))
                    .containsExactly(first + " 1/1", last + " 2/2");
            List<UUID> published = new ArrayList<>();
            await().atMost(ScheduleIT.PATIENCE).untilAsserted(() -> {
                // one poll for both clients: a record of one read while looking for the other is not lost
                TestKafka.poll(scheduled).stream()
                        .map(record -> TestKafka.read(record, SessionScheduled.class))
                        .filter(event -> Set.of(a, b).contains(event.clientId()))
                        .map(SessionScheduled::sessionId)
                        .forEach(published::add);
                assertThat(published).containsAll(rebooked);
            });
            assertThat(published).filteredOn(rebooked::contains).hasSameSizeAs(rebooked);
        }
        assertThat(ids(http.get("/api/closures", SCHEDULER))).doesNotContain(closure.toString());
        assertProblem(http.exchange(HttpMethod.DELETE, "/api/closures/" + closure, SCHEDULER, null, null), 404);

        // a closure that has begun stays
        Response today = http.postJson(
                "/api/closures",
                SCHEDULER,
                "{\"firstDay\": \"%s\", \"lastDay\": \"%s\", \"trackCode\": \"%s\"}"
                        .formatted(LocalDate.now(ScheduleIT.NEW_YORK), LocalDate.now(ScheduleIT.NEW_YORK), track));
        String begun = today.json().get("id").asString();
        assertProblem(http.exchange(HttpMethod.DELETE, "/api/closures/" + begun, SCHEDULER, null, null), 422);
        assertThat(ids(http.get("/api/closures", SCHEDULER))).contains(begun);
    }

    static List<String> ids(Response closures) {
        List<String> ids = new ArrayList<>();
        closures.json().forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
