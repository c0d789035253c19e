package org.iopcare.treatmentplan.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionMissed;
import org.iopcare.events.SessionModality;
import org.iopcare.events.SessionScheduled;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.treatmentplan.TreatmentPlanIT;
import org.iopcare.treatmentplan.plan.PlanTestClient;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What note ITs need: enrolled clients with {@code staff-test} on their care teams and a plan
 * version each, and their sessions as scheduling announces them.
 */
class NoteTestClient {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String CLINICIAN = TestTokens.bearer(StaffRole.CLINICIAN);

    private final TestHttp http;
    private final JdbcTemplate jdbc;

    NoteTestClient(TestHttp http, JdbcTemplate jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    /** Enrolls the clients at once (primary clinician clin-ada) and writes version 1 of each plan. */
    List<UUID> clientsWithPlans(int count) {
        return clientsWithPlans(count, LocalDate.now());
    }

    /** The same, the clients starting the program on this day. */
    List<UUID> clientsWithPlans(int count, LocalDate start) {
        List<UUID> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID client = UUID.randomUUID();
            ClientEnrolled today = PlanTestClient.enrolled(client, "clin-ada");
            TestKafka.publish(new ClientEnrolled(
                    today.eventId(),
                    today.occurredAt(),
                    client,
                    today.enrollmentId(),
                    today.trackCode(),
                    start,
                    today.primaryClinicianId(),
                    today.ageGroup(),
                    today.timeZone(),
                    today.preferredName(),
                    today.phone(),
                    today.email(),
                    today.smsConsent(),
                    today.emailConsent()));
            TreatmentPlanIT.putTestStaffOnTheTeam(client, "clin-ada");
            clients.add(client);
        }
        await().atMost(PATIENCE).until(() -> clients.stream().allMatch(c -> planOf(c) != null));
        for (UUID client : clients) {
            Response written = http.postJson(
                    "/api/plans/" + planOf(client) + "/versions", CLINICIAN, PlanTestClient.versionBody(0, "Plan"));
            assertThat(written.status()).as(written.text()).isEqualTo(201);
        }
        return clients;
    }

    /** Publishes a session of this kind for each client, started two hours ago; waits until known. */
    List<UUID> sessions(List<UUID> clients, SessionKind kind) {
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        List<UUID> sessions = new ArrayList<>();
        for (UUID client : clients) {
            UUID session = UUID.randomUUID();
            TestKafka.publish(new SessionScheduled(
                    UUID.randomUUID(),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    client,
                    session,
                    kind,
                    start,
                    start.plus(90, ChronoUnit.MINUTES),
                    "America/New_York",
                    SessionModality.IN_PERSON));
            sessions.add(session);
        }
        await().atMost(PATIENCE).until(() -> count("client_session", sessions) == sessions.size());
        return sessions;
    }

    /** Publishes the sessions as missed; waits until recorded. */
    void missed(List<UUID> clients, List<UUID> sessions) {
        for (int i = 0; i < clients.size(); i++) {
            TestKafka.publish(new SessionMissed(
                    UUID.randomUUID(),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    clients.get(i),
                    sessions.get(i),
                    Instant.now().minus(2, ChronoUnit.HOURS),
                    1,
                    1));
        }
        await().atMost(PATIENCE).until(() -> count("missed_session", sessions) == sessions.size());
    }

    UUID planOf(UUID client) {
        return jdbc.queryForList("SELECT id FROM treatment_plan WHERE client_id = ?", UUID.class, client).stream()
                .findFirst()
                .orElse(null);
    }

    private int count(String table, List<UUID> sessions) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM " + table + " WHERE session_id = ANY (?)", Integer.class, (Object)
                        sessions.toArray(UUID[]::new));
    }
}
