package org.iopcare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.EmergencyAccessGranted;
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
