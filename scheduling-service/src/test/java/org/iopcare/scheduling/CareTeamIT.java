package org.iopcare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.EmergencyAccessGranted;
import org.iopcare.events.SessionRescheduled;
import org.iopcare.events.Topics;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduling's caseload follows intake's care teams and emergency grants as they arrive on the
 * broker: a clinician sees a client's schedule while on the team or holding an unexpired grant.
 */
class CareTeamIT extends SchedulingIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClinicianSeesTheClientWhileOnTheCareTeam() {
        UUID client = enrolledClient();
        String clinician = "clin-team-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/api/clients/" + client + "/enrollment";
        String token = TestTokens.bearerFor(clinician, StaffRole.CLINICIAN);
        assertThat(http.get(path, token).status()).isEqualTo(404);

        CareTeamChanged joined =
                new CareTeamChanged(UUID.randomUUID(), Instant.now(), client, clinician, List.of(clinician, "cm-1"));
        TestKafka.publish(joined);
        TestKafka.publish(joined);
        await().atMost(PATIENCE).until(() -> http.get(path, token).status() == 200);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM processed_event WHERE event_id = ?", Integer.class, joined.eventId()))
                .isOne();
        assertThat(jdbc.queryForList("SELECT staff_id FROM care_team_member WHERE client_id = ?", String.class, client))
                .containsExactlyInAnyOrder(clinician, "cm-1");

        // the team is replaced whole: a later team without the clinician closes the record again
        TestKafka.publish(new CareTeamChanged(
                UUID.randomUUID(), Instant.now(), client, "clin-successor", List.of("clin-successor")));
        await().atMost(PATIENCE).until(() -> http.get(path, token).status() == 404);
        assertThat(http.get(path, TestTokens.bearerFor("clin-successor", StaffRole.CLINICIAN))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anEmergencyGrantOpensTheRecordUntilItExpires() {
        UUID client = enrolledClient();
        String onCall = "clin-oncall-" + UUID.randomUUID().toString().substring(0, 8);
        String late = "clin-late-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/api/clients/" + client + "/sessions";
        String onCallToken = TestTokens.bearerFor(onCall, StaffRole.CLINICIAN);
        String lateToken = TestTokens.bearerFor(late, StaffRole.CLINICIAN);
        assertThat(http.get(path, onCallToken).status()).isEqualTo(404);
        assertThat(http.get(path, lateToken).status()).isEqualTo(404);

        Instant now = Instant.now();
        EmergencyAccessGranted open = new EmergencyAccessGranted(
                UUID.randomUUID(), now, client, UUID.randomUUID(), onCall, now.plus(Duration.ofHours(4)));
        EmergencyAccessGranted expired = new EmergencyAccessGranted(
                UUID.randomUUID(),
                now.minus(Duration.ofHours(5)),
                client,
                UUID.randomUUID(),
                late,
                now.minus(Duration.ofHours(1)));
        TestKafka.publish(open);
        TestKafka.publish(open);
        TestKafka.publish(expired);

        await().atMost(PATIENCE).until(() -> http.get(path, onCallToken).status() == 200);
        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM emergency_access WHERE grant_id = ?",
                                Integer.class,
                                expired.grantId())
                        == 1);
        assertThat(http.get(path, lateToken).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM processed_event WHERE event_id = ?", Integer.class, open.eventId()))
                .isOne();
        // the grant is the clinician's own: a colleague still gets nothing
        assertThat(http.get(path, TestTokens.bearerFor("clin-colleague", StaffRole.CLINICIAN))
                        .status())
                .isEqualTo(404);
    }

    /** A clinician of this test with weekly hours on the given days, in New York. */
    private String clinicianWithHours(String start, String end, String... days) {
        String id = "clin-move-" + UUID.randomUUID().toString().substring(0, 8);
        for (String day : days) {
            jdbc.update(
                    "INSERT INTO clinician_availability VALUES (?, ?, ?::time, ?::time, 'America/New_York')",
                    id,
                    day,
                    start,
                    end);
        }
        return id;
    }

    private List<Map<String, Object>> upcomingIndividual(UUID client, String status) {
        return jdbc.queryForList(
                "SELECT id, clinician_id, starts_at, cancel_reason FROM client_session WHERE client_id = ?"
                        + " AND kind <> 'GROUP' AND status = ? AND starts_at > now() ORDER BY starts_at",
                client,
                status);
    }

    @Test
    void aNewPrimaryClinicianTakesOverTheIndividualSessionsOrTheyBecomeBookingNeeds() {
        String all = "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY";
        String before = clinicianWithHours("08:00", "20:00", all.split(","));
        // one hour a week: room for the weekly session, none for the check-in beside it
        String after = clinicianWithHours("07:00", "08:00", "WEDNESDAY");
        UUID client = UUID.randomUUID();
        TestKafka.publish(AccessFixtures.enrolled(client, "SUD-IOP-PM", before));
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> upcomingIndividual(client, "SCHEDULED").size() >= 4);
        int planned = upcomingIndividual(client, "SCHEDULED").size();
        int groups = jdbc.queryForObject(
                "SELECT count(*) FROM client_session WHERE client_id = ? AND kind = 'GROUP' AND status = 'SCHEDULED'",
                Integer.class,
                client);

        try (var moves = TestKafka.reader(Topics.SESSION_RESCHEDULED)) {
            CareTeamChanged reassigned =
                    new CareTeamChanged(UUID.randomUUID(), Instant.now(), client, after, List.of(after, before));
            TestKafka.publish(reassigned);
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> upcomingIndividual(client, "SCHEDULED").stream()
                            .allMatch(s -> after.equals(s.get("clinician_id"))));

            List<Map<String, Object>> kept = upcomingIndividual(client, "SCHEDULED");
            List<Map<String, Object>> lost = upcomingIndividual(client, "CANCELLED");
            assertThat(kept)
                    .isNotEmpty()
                    .allSatisfy(s -> assertThat(((java.sql.Timestamp) s.get("starts_at"))
                                    .toInstant()
                                    .atZone(java.time.ZoneId.of("America/New_York"))
                                    .toLocalTime())
                            .hasToString("07:00"));
            assertThat(lost).allSatisfy(s -> assertThat(s.get("cancel_reason")).isEqualTo("STAFF"));
            assertThat(kept.size() + lost.size()).isEqualTo(planned);
            // every session the new clinician could not take is a booking need of theirs
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM booking_need WHERE client_id = ? AND clinician_id = ?"
                                    + " AND resolved_at IS NULL",
                            Integer.class,
                            client,
                            after))
                    .isGreaterThanOrEqualTo(lost.size());
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM client_session WHERE client_id = ? AND kind = 'GROUP'"
                                    + " AND status = 'SCHEDULED'",
                            Integer.class,
                            client))
                    .isEqualTo(groups);
            assertThat(http.get("/api/clients/" + client + "/enrollment", TestTokens.bearer(StaffRole.SCHEDULER))
                            .json()
                            .get("primaryClinicianId")
                            .asString())
                    .isEqualTo(after);
            // each move told once, keeping the session's id
            List<SessionRescheduled> told = new ArrayList<>();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                TestKafka.poll(moves).stream()
                        .filter(r -> new String(r.key()).equals(client.toString()))
                        .forEach(r -> told.add(TestKafka.read(r, SessionRescheduled.class)));
                assertThat(told)
                        .extracting(SessionRescheduled::sessionId)
                        .containsExactlyInAnyOrderElementsOf(
                                kept.stream().map(s -> (UUID) s.get("id")).toList());
            });
        }
    }

    private UUID enrolledClient() {
        UUID client = UUID.randomUUID();
        TestKafka.publish(AccessFixtures.enrolled(client, "MH-IOP-AM", "clin-ada"));
        String supervisor = TestTokens.bearer(StaffRole.CLINICAL_SUPERVISOR);
        await().atMost(PATIENCE)
                .until(() -> http.get("/api/clients/" + client + "/sessions", supervisor)
                                .status()
                        == 200);
        return client;
    }
}
