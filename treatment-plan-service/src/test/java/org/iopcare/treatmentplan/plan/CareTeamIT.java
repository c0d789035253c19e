package org.iopcare.treatmentplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.EmergencyAccessGranted;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.treatmentplan.TreatmentPlanIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Intake's {@code care-team-changed} and {@code emergency-access-granted} on the real broker decide
 * which clinician sees which client's plan, by client id and by plan id alike.
 */
class CareTeamIT extends TreatmentPlanIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClinicianSeesThePlanWhileOnTheCareTeamAndNotAfterBeingTakenOff() {
        String clinician = "clin-" + UUID.randomUUID();
        String colleague = "clin-" + UUID.randomUUID();
        UUID client = enrolledClient();
        UUID plan = planOf(client);
        assertThat(status(clinician, client)).isEqualTo(404);

        CareTeamChanged joined = careTeam(client, "clin-ada", clinician);
        TestKafka.publish(joined);
        await().atMost(PlanIT.PATIENCE)
                .untilAsserted(() -> assertThat(status(clinician, client)).isEqualTo(200));
        assertThat(versionsStatus(clinician, plan)).isEqualTo(200);

        CareTeamChanged left = careTeam(client, "clin-ada");
        TestKafka.publish(left);
        // the old team redelivered after the new one changes nothing: its event was claimed
        TestKafka.publish(joined);
        // same client, same partition: once the colleague sees the plan, everything before was handled
        TestKafka.publish(careTeam(client, "clin-ada", colleague));
        await().atMost(PlanIT.PATIENCE)
                .untilAsserted(() -> assertThat(status(colleague, client)).isEqualTo(200));
        assertThat(status(clinician, client)).isEqualTo(404);
        assertThat(versionsStatus(clinician, plan)).isEqualTo(404);
    }

    @Test
    void anEmergencyGrantOpensThePlanUntilItExpires() {
        String clinician = "clin-" + UUID.randomUUID();
        String latecomer = "clin-" + UUID.randomUUID();
        UUID client = enrolledClient();
        UUID plan = planOf(client);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(status(clinician, client)).isEqualTo(404);

        EmergencyAccessGranted granted = new EmergencyAccessGranted(
                UUID.randomUUID(), now, client, UUID.randomUUID(), clinician, now.plusSeconds(3600));
        TestKafka.publish(granted);
        TestKafka.publish(granted);
        await().atMost(PlanIT.PATIENCE)
                .untilAsserted(() -> assertThat(status(clinician, client)).isEqualTo(200));
        assertThat(versionsStatus(clinician, plan)).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM emergency_access WHERE grant_id = ?", Long.class, granted.grantId()))
                .isOne();

        EmergencyAccessGranted expired = new EmergencyAccessGranted(
                UUID.randomUUID(),
                now.minus(5, ChronoUnit.HOURS),
                client,
                UUID.randomUUID(),
                latecomer,
                now.minus(1, ChronoUnit.HOURS));
        TestKafka.publish(expired);
        await().atMost(PlanIT.PATIENCE)
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM emergency_access WHERE grant_id = ?",
                                Long.class,
                                expired.grantId()))
                        .isOne());
        assertThat(status(latecomer, client)).isEqualTo(404);
        assertThat(versionsStatus(latecomer, plan)).isEqualTo(404);
    }

    /** A newly enrolled client whose plan is open, on clin-ada's team only. */
    private UUID enrolledClient() {
        ClientEnrolled enrolled = PlanIT.enrolled(UUID.randomUUID(), LocalDate.now(), "clin-ada");
        TestKafka.publish(enrolled);
        TestKafka.publish(careTeam(enrolled.clientId(), "clin-ada"));
        await().atMost(PlanIT.PATIENCE)
                .untilAsserted(() ->
                        assertThat(status("clin-ada", enrolled.clientId())).isEqualTo(200));
        return enrolled.clientId();
    }

    private UUID planOf(UUID client) {
        return jdbc.queryForObject("SELECT id FROM treatment_plan WHERE client_id = ?", UUID.class, client);
    }

    private int status(String clinician, UUID client) {
        return http.get("/api/clients/" + client + "/plan", TestTokens.bearerFor(clinician, StaffRole.CLINICIAN))
                .status();
    }

    private int versionsStatus(String clinician, UUID plan) {
        return http.get("/api/plans/" + plan + "/versions", TestTokens.bearerFor(clinician, StaffRole.CLINICIAN))
                .status();
    }
}
