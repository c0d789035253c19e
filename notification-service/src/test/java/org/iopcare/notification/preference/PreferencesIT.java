package org.iopcare.notification.preference;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.InquiryReceived;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionModality;
import org.iopcare.events.SessionScheduled;
import org.iopcare.notification.NotificationIT;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestHttp;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A client's preferences through the staff API, and what the reminders make of them on the real
 * broker, SMTP server and SMS API.
 */
class PreferencesIT extends NotificationIT {

    private static final String SCHEDULER = TestTokens.bearerFor("staff-scheduler", StaffRole.SCHEDULER);

    @Autowired
    JdbcTemplate jdbc;

    private record Client(UUID id, String phone, String email) {}

    private Client enrolled(String zone) {
        return enrolled(zone, null);
    }

    private Client enrolled(String zone, ContactChannel preferredChannel) {
        UUID id = UUID.randomUUID();
        Client client = new Client(id, newNumber(), "p" + id + "@example.org");
        TestKafka.publish(new ClientEnrolled(
                UUID.randomUUID(),
                Instant.now(),
                id,
                UUID.randomUUID(),
                "MH-IOP-AM",
                LocalDate.now(),
                "clinician-1",
                AgeGroup.ADULT,
                zone,
                "Robin",
                client.phone(),
                client.email(),
                true,
                true,
                preferredChannel));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM recipient WHERE client_id = ? AND enrolled", Long.class, id)
                        == 1);
        return client;
    }

    private static SessionScheduled session(Client client, Duration from, String zone) {
        Instant start = Instant.now().plus(from);
        return new SessionScheduled(
                UUID.randomUUID(),
                Instant.now(),
                client.id(),
                UUID.randomUUID(),
                SessionKind.GROUP,
                start,
                start.plus(Duration.ofHours(3)),
                zone,
                SessionModality.IN_PERSON);
    }

    private Response put(UUID client, String body) {
        return http.exchange(
                HttpMethod.PUT, "/api/clients/" + client + "/preferences", SCHEDULER, MediaType.APPLICATION_JSON, body);
    }

    private List<String> kinds(UUID client) {
        return jdbc.queryForList(
                "SELECT kind || ':' || channel FROM message WHERE client_id = ? ORDER BY kind, channel",
                String.class,
                client);
    }

    /**
     * The enrollment carries the inquiry's channel: the default holds whichever event came first,
     * and an inquiry read after the enrollment changes nothing.
     */
    @Test
    void theChannelNamedAtEnrollmentIsTheDefaultWhateverTheEventOrder() {
        Client client = enrolled("America/New_York", ContactChannel.EMAIL);
        UUID inquiry = UUID.randomUUID();
        TestKafka.publish(new InquiryReceived(
                inquiry,
                Instant.now(),
                client.id(),
                UUID.randomUUID(),
                "Robin",
                client.phone(),
                client.email(),
                ContactChannel.SMS,
                true,
                null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM intake_inquiry WHERE inquiry_event_id = ?", Long.class, inquiry)
                        == 1);
        Response view = http.get("/api/clients/" + client.id() + "/preferences", SCHEDULER);
        assertThat(view.status()).as(view.text()).isEqualTo(200);
        assertThat(view.json().get("effectiveChannels").asString()).isEqualTo("EMAIL");
        // without the channel on the enrollment (an older producer) the default is every channel
        Client older = enrolled("America/New_York");
        assertThat(http.get("/api/clients/" + older.id() + "/preferences", SCHEDULER)
                        .json()
                        .get("effectiveChannels")
                        .asString())
                .isEqualTo("BOTH");
    }

    @Test
    void aClientWithEmailOnlyRemindersGetsTheReminderByEmailAndNoSms() {
        Client client = enrolled("America/New_York");
        Response changed = put(client.id(), "{\"version\":0,\"channels\":\"EMAIL\"}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("effectiveChannels").asString()).isEqualTo("EMAIL");

        TestKafka.publish(session(client, Duration.ofMinutes(30), "America/New_York"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(kinds(client.id())).containsExactly("SESSION_REMINDER:EMAIL", "WELCOME:EMAIL"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(emailBodies(client.email()))
                        .anySatisfy(body -> assertThat(body).contains("a reminder of your appointment")));
        assertThat(smsProvider.findAll(postRequestedFor(urlPathEqualTo(SMS_PATH))
                        .withRequestBody(
                                containing("To=" + URLEncoder.encode(client.phone(), StandardCharsets.UTF_8)))))
                .isEmpty();
    }

    @Test
    void aSpanishSpeakingClientsMessagesAreInSpanish() {
        Client client = enrolled("America/New_York");
        Response changed = put(client.id(), "{\"version\":0,\"language\":\"es\"}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);

        TestKafka.publish(session(client, Duration.ofMinutes(30), "America/New_York"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT kind || ':' || channel || ':' || body FROM message WHERE client_id = ?"
                                        + " ORDER BY kind, channel",
                                String.class,
                                client.id()))
                        .hasSize(4)
                        .anySatisfy(m -> assertThat(m)
                                .startsWith("SESSION_REMINDER:SMS:")
                                .contains("le recordamos su cita el")
                                .contains("Responda STOP"))
                        .anySatisfy(m -> assertThat(m)
                                .startsWith("WELCOME:EMAIL:")
                                .contains("le damos la bienvenida", " a las "))
                        .allSatisfy(m -> assertThat(m).doesNotContain("reminder", "appointment", "Reply STOP")));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(emailBodies(client.email()))
                        .anySatisfy(body -> assertThat(body).contains("le recordamos su cita")));
    }

    @Test
    void aChangeIsRefusedWhenStaleOrOutsideWhatTheClinicAllowsAndShownWithWhoMadeIt() {
        Client client = enrolled("America/Chicago");
        assertThat(put(client.id(), "{\"version\":0,\"language\":\"es\",\"weeklyDigest\":true}")
                        .status())
                .isEqualTo(200);

        Response stale = put(client.id(), "{\"version\":0,\"channels\":\"SMS\"}");
        assertThat(stale.status()).isEqualTo(409);
        TestHttp.assertProblem(stale, 409);
        TestHttp.assertProblem(put(client.id(), "{\"version\":1,\"reminderOffsets\":[\"PT5M\"]}"), 422);
        TestHttp.assertProblem(put(client.id(), "{\"version\":1,\"quietHoursStart\":\"12:00\"}"), 422);
        TestHttp.assertProblem(
                put(client.id(), "{\"version\":1,\"quietHoursStart\":\"14:00\",\"quietHoursEnd\":\"12:00\"}"), 422);
        TestHttp.assertProblem(put(client.id(), "{\"version\":1,\"language\":\"fr\"}"), 422);
        TestHttp.assertProblem(put(client.id(), "{\"version\":1,\"channels\":\"PIGEON\"}"), 400);
        TestHttp.assertProblem(put(UUID.randomUUID(), "{\"version\":0}"), 404);

        JsonNode view = http.get("/api/clients/" + client.id() + "/preferences", SCHEDULER)
                .json();
        assertThat(view.get("version").asLong()).isEqualTo(1);
        assertThat(view.get("language").asString()).isEqualTo("es");
        assertThat(view.get("weeklyDigest").asBoolean()).isTrue();
        assertThat(view.get("channels").isNull()).isTrue();
        assertThat(view.get("changedBy").asString()).isEqualTo("staff-scheduler");
        assertThat(view.get("changedAt").isNull()).isFalse();
        assertThat(view.get("history")).hasSize(1);
        assertThat(view.get("history").get(0).get("changes").asString())
                .contains("language: en -> es", "weeklyDigest: false -> true");

        // the digest is planned for the next Sunday 18:00 in the client's zone, and dropped when turned off
        java.time.ZonedDateTime now = Instant.now().atZone(ZoneId.of("America/Chicago"));
        java.time.ZonedDateTime sunday = now.toLocalDate()
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY))
                .atTime(LocalTime.of(18, 0))
                .atZone(now.getZone());
        Instant expected = (sunday.isAfter(now) ? sunday : sunday.plusWeeks(1)).toInstant();
        assertThat(digestTask(client.id())).containsExactly(expected);
        assertThat(put(client.id(), "{\"version\":1,\"language\":\"es\"}").status())
                .isEqualTo(200);
        assertThat(digestTask(client.id())).isEmpty();
    }

    private List<Instant> digestTask(UUID client) {
        return jdbc
                .queryForList(
                        "SELECT execution_time FROM scheduled_tasks WHERE task_name = 'weekly-digest' AND task_instance = ?",
                        java.time.OffsetDateTime.class,
                        client.toString())
                .stream()
                .map(java.time.OffsetDateTime::toInstant)
                .toList();
    }

    @Test
    void changedOffsetsPlanTheUpcomingRemindersAgain() {
        String zone = "America/Denver";
        Client client = enrolled(zone);
        SessionScheduled later = session(client, Duration.ofDays(4), zone);
        TestKafka.publish(later);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks(later.sessionId()).equals(List.of(later.sessionId() + "|PT24H")));

        Response changed = put(client.id(), "{\"version\":0,\"reminderOffsets\":[\"P2D\",\"PT2H\"]}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);

        assertThat(tasks(later.sessionId())).containsExactly(later.sessionId() + "|PT2H", later.sessionId() + "|PT48H");
    }

    @Test
    void aReminderDueInTheClientsQuietHoursWaitsForTheirEnd() {
        // a zone in which it is about noon now, so quiet hours 11:00-13:00 hold the present moment
        int hoursAhead = 12 - Instant.now().atZone(ZoneOffset.UTC).getHour();
        String zone = hoursAhead == 0 ? "Etc/GMT" : "Etc/GMT" + (hoursAhead > 0 ? "-" : "+") + Math.abs(hoursAhead);
        Client client = enrolled(zone);
        assertThat(put(client.id(), "{\"version\":0,\"quietHoursStart\":\"11:00\",\"quietHoursEnd\":\"13:00\"}")
                        .status())
                .isEqualTo(200);

        TestKafka.publish(session(client, Duration.ofHours(3), zone));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !jdbc.queryForList(
                                "SELECT next_attempt_at FROM message WHERE client_id = ? AND kind = 'SESSION_REMINDER'",
                                java.sql.Timestamp.class,
                                client.id())
                        .isEmpty());
        List<java.sql.Timestamp> held = jdbc.queryForList(
                "SELECT next_attempt_at FROM message WHERE client_id = ? AND status = 'QUEUED'",
                java.sql.Timestamp.class,
                client.id());
        assertThat(held)
                .isNotEmpty()
                .allSatisfy(
                        at -> assertThat(at.toInstant().atZone(ZoneId.of(zone)).toLocalTime())
                                .isEqualTo(LocalTime.of(13, 0)));
    }

    private List<String> tasks(UUID sessionId) {
        return jdbc.queryForList(
                "SELECT task_instance FROM scheduled_tasks WHERE task_instance LIKE ? ORDER BY task_instance",
                String.class,
                sessionId + "|%");
    }
}
