package org.iopcare.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionModality;
import org.iopcare.events.SessionScheduled;
import org.iopcare.notification.NotificationIT;
import org.iopcare.notification.recipient.ClientPreferences;
import org.iopcare.notification.recipient.PreferenceStore;
import org.iopcare.notification.recipient.Recipient;
import org.iopcare.notification.recipient.RecipientRepository;
import org.iopcare.notification.reminder.DigestProperties;
import org.iopcare.notification.reminder.WeeklyDigests;
import org.iopcare.notification.session.SessionStore;
import org.iopcare.notification.sms.InboundSms;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The frequency cap on the real database, at fixed instants around both 2027 DST changes in
 * America/New_York (the shared context raises the cap so the other suites' clients are not held;
 * here a ClientMessages with the default cap, 1 a local day and 3 in 7 local days, and its own
 * clock queues the messages). The times are far ahead, so nothing held is released meanwhile.
 */
class FrequencyCapIT extends NotificationIT {

    private static final String STAFF = TestTokens.bearer(StaffRole.CLINICAL_SUPERVISOR);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Messages messages;

    @Autowired
    MessageTemplates templates;

    @Autowired
    ClinicProperties clinic;

    @Autowired
    PreferenceStore preferences;

    @Autowired
    RecipientRepository recipients;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    SessionStore sessions;

    @Autowired
    MeterRegistry meters;

    private UUID client() {
        UUID id = InboundSms.recipient(jdbc, newNumber());
        jdbc.update("UPDATE recipient SET time_zone = 'America/New_York', enrolled = true WHERE client_id = ?", id);
        return id;
    }

    private ClientMessages capped(String now) {
        return new ClientMessages(
                messages,
                templates,
                clinic,
                preferences,
                Clock.fixed(Instant.parse(now), ZoneOffset.UTC),
                new FrequencyCapProperties(1, 3),
                jdbc,
                LocalTime.of(8, 0),
                LocalTime.of(21, 0));
    }

    /** Queues one message of {@code kind} as of {@code now}; returns its source id. */
    private UUID queue(UUID client, String now, MessageKind kind, String notBefore, String deadline) {
        ClientMessages capped = capped(now);
        UUID source = UUID.randomUUID();
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            Recipient recipient = recipients.findById(client).orElseThrow();
            capped.toClient(
                    recipient,
                    kind,
                    Map.of("sessionDate", "Saturday, March 13", "sessionTime", "6:00 PM EST", "virtual", false),
                    source,
                    notBefore == null ? null : Instant.parse(notBefore),
                    deadline == null ? null : Instant.parse(deadline));
        });
        return source;
    }

    private String state(UUID source) {
        return jdbc.queryForObject(
                "SELECT status || ' ' || coalesce(next_attempt_at::text, '-') || ' ' || coalesce(status_detail, '')"
                        + " FROM message WHERE source_event_id = ?",
                String.class,
                source);
    }

    private Instant due(UUID source) {
        return jdbc.queryForObject(
                        "SELECT next_attempt_at FROM message WHERE source_event_id = ?",
                        java.time.OffsetDateTime.class,
                        source)
                .toInstant();
    }

    @Test
    void aSecondMessageOfTheDayWaitsForTheNextDayAFourthOfTheWeekForTheWeekAcrossTheMarchChange() {
        UUID client = client();
        // Saturday 13 March 2027, 10:00 EST; the clocks go forward the next night
        String saturday = "2027-03-13T15:00:00Z";
        UUID first = queue(client, saturday, MessageKind.PLAN_REVIEW_NOTICE, null, null);
        UUID second = queue(client, saturday, MessageKind.MISSED_SESSION_OUTREACH, null, null);
        UUID reminder =
                queue(client, saturday, MessageKind.SESSION_REMINDER, null, "2027-03-13T23:00:00Z"); // 18:00 EST
        UUID third = queue(client, saturday, MessageKind.PLAN_REVIEW_NOTICE, null, null);
        UUID fourth = queue(client, saturday, MessageKind.MISSED_SESSION_OUTREACH, null, null);

        assertThat(state(first)).doesNotContain("HELD", "SUPPRESSED");
        // Sunday 08:00 EDT (a 23-hour day), then Monday 08:00 EDT
        assertThat(due(second)).isEqualTo(Instant.parse("2027-03-14T12:00:00Z"));
        assertThat(state(second)).startsWith("HELD").contains("frequency cap: 1 a day");
        assertThat(state(reminder))
                .startsWith("SUPPRESSED")
                .contains("frequency cap: 1 a day; no allowed time before the session");
        assertThat(due(third)).isEqualTo(Instant.parse("2027-03-15T12:00:00Z"));
        // three in the week that began Saturday 10:00 EST: the fourth waits for Saturday 10:00 EDT,
        // seven local days later (167 hours)
        assertThat(due(fourth)).isEqualTo(Instant.parse("2027-03-20T14:00:00Z"));
        assertThat(state(fourth)).startsWith("HELD");

        // staff see what the cap held and why
        JsonNode listed =
                http.get("/api/clients/" + client + "/messages", STAFF).json();
        List<String> held = new java.util.ArrayList<>();
        listed.forEach(m -> {
            if (m.get("status").asString().equals("HELD")) {
                held.add(m.get("statusDetail").asString());
            }
        });
        assertThat(held).hasSize(3).allSatisfy(detail -> assertThat(detail).startsWith("frequency cap"));
    }

    @Test
    void aWeeklyDigestOnADayWithAnotherMessageWaitsForTheNextMorning() {
        UUID client = client();
        preferences.save(
                new ClientPreferences(client, null, null, true, null, "en", 1, "staff-scheduler", Instant.now()), 0);
        Instant monday = Instant.parse("2027-06-14T22:00:00Z");
        sessions.scheduled(
                new SessionScheduled(
                        UUID.randomUUID(),
                        Instant.now(),
                        client,
                        UUID.randomUUID(),
                        SessionKind.GROUP,
                        monday,
                        monday.plusSeconds(3600),
                        "America/New_York",
                        SessionModality.IN_PERSON),
                Instant.now());
        // Sunday 13 June 2027: a notice at 10:00 EDT, the digest at 18:00 EDT
        queue(client, "2027-06-13T14:00:00Z", MessageKind.PLAN_REVIEW_NOTICE, null, null);
        new WeeklyDigests(
                        sessions,
                        recipients,
                        preferences,
                        capped("2027-06-13T22:00:00Z"),
                        new DigestProperties(DayOfWeek.SUNDAY, LocalTime.of(18, 0)),
                        jdbc,
                        Clock.fixed(Instant.parse("2027-06-13T22:00:00Z"), ZoneOffset.UTC),
                        meters,
                        transactionManager)
                .send(client);
        UUID digest = WeeklyDigests.digestKey(client, java.time.LocalDate.of(2027, 6, 13));
        // Monday 08:00 EDT, before the week's first session
        assertThat(due(digest)).isEqualTo(Instant.parse("2027-06-14T12:00:00Z"));
        assertThat(state(digest)).startsWith("HELD").contains("frequency cap: 1 a day");
    }

    @Test
    void aSecondMessageOnTheLongNovemberDayWaitsForTheNextLocalDay() {
        UUID client = client();
        // Sunday 7 November 2027, 07:00 EST, the clocks went back at 02:00: a 25-hour day
        String sunday = "2027-11-07T12:00:00Z";
        UUID morning = queue(client, sunday, MessageKind.PLAN_REVIEW_NOTICE, "2027-11-07T13:00:00Z", null);
        UUID evening = queue(client, sunday, MessageKind.MISSED_SESSION_OUTREACH, "2027-11-08T01:30:00Z", null);
        assertThat(due(morning)).isEqualTo(Instant.parse("2027-11-07T13:00:00Z"));
        // 20:30 EST is still Sunday: Monday 08:00 EST
        assertThat(due(evening)).isEqualTo(Instant.parse("2027-11-08T13:00:00Z"));
        assertThat(state(evening)).startsWith("HELD");
        // answers to the client's own texts are not capped
        UUID help = queue(client, sunday, MessageKind.HELP_REPLY, null, null);
        assertThat(state(help)).doesNotContain("HELD", "SUPPRESSED", "frequency cap");
        assertThat(jdbc.queryForObject(
                        "SELECT cap_at IS NULL FROM message WHERE source_event_id = ?", Boolean.class, help))
                .isTrue();
    }
}
