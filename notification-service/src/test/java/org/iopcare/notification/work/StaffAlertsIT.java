package org.iopcare.notification.work;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.iopcare.events.StaffAlerted;
import org.iopcare.notification.NotificationIT;
import org.iopcare.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code staff-alerted} on the real broker: one email with the fixed text per recipient and alert
 * at the SMTP server (GreenMail), to a named staff member or every holder of a role, however often
 * the event is delivered; nothing of the client in it.
 */
class StaffAlertsIT extends NotificationIT {

    private static final String SUPERVISOR_EMAIL = "karin.lindqvist@example.org";
    private static final String SECOND_SUPERVISOR_EMAIL = "ayo.abara@example.org";
    private static final String CLINICIAN_EMAIL = "ngozi.okafor@example.org";

    @Autowired
    JdbcTemplate jdbc;

    private static StaffAlerted alert(UUID clientId, int step, String staffId, String role) {
        return new StaffAlerted(
                UUID.randomUUID(), Instant.now(), clientId, "intake", UUID.randomUUID(), step, staffId, role);
    }

    @Test
    void eachRecipientGetsOneEmailPerAlertWithTheFixedTextEvenWhenTheEventIsRedelivered() throws Exception {
        UUID clientId = UUID.randomUUID();
        StaffAlerted toClinician = alert(clientId, 1, "clin-okafor", null);
        StaffAlerted toSupervisors = alert(clientId, 2, null, "CLINICAL_SUPERVISOR");
        long clinicianBefore = alertsTo(CLINICIAN_EMAIL);
        long supervisorBefore = alertsTo(SUPERVISOR_EMAIL);
        long secondBefore = alertsTo(SECOND_SUPERVISOR_EMAIL);
        TestKafka.publish(toClinician);
        TestKafka.publish(toSupervisors);
        TestKafka.publish(toClinician); // redelivered
        TestKafka.publish(toSupervisors);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM message WHERE kind = 'STAFF_ALERT' AND client_id = ?"
                                        + " AND channel = 'EMAIL' AND status = 'SENT'",
                                Long.class,
                                clientId)
                        == 3);
        // a later event on the same partition (same key): the redeliveries were handled before it
        StaffAlerted later = alert(clientId, 1, SUPERVISOR, null);
        TestKafka.publish(later);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM message WHERE kind = 'STAFF_ALERT' AND client_id = ?"
                                        + " AND channel = 'EMAIL' AND status = 'SENT'",
                                Long.class,
                                clientId)
                        == 4);
        assertThat(jdbc.queryForList(
                        "SELECT destination FROM message WHERE kind = 'STAFF_ALERT' AND client_id = ?"
                                + " AND channel = 'EMAIL'",
                        String.class,
                        clientId))
                .containsExactlyInAnyOrder(
                        CLINICIAN_EMAIL, SUPERVISOR_EMAIL, SECOND_SUPERVISOR_EMAIL, SUPERVISOR_EMAIL);

        // GreenMail keeps every IT's mail by mailbox, and every alert reads the same: count per address
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(alertsTo(CLINICIAN_EMAIL) - clinicianBefore).isEqualTo(1);
            assertThat(alertsTo(SECOND_SUPERVISOR_EMAIL) - secondBefore).isEqualTo(1);
            assertThat(alertsTo(SUPERVISOR_EMAIL) - supervisorBefore).isEqualTo(2); // two alerts
        });
        // the supervisor with a phone also got the role's alert by SMS, once, with the same fixed text
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(
                                smsProvider.findAll(postRequestedFor(urlPathMatching(".*/Messages.json"))).stream()
                                        .filter(r -> SECOND_SUPERVISOR_PHONE.equals(
                                                r.formParameters().get("To").firstValue()))
                                        .filter(r -> StaffAlerted.TEXT.equals(
                                                r.formParameters().get("Body").firstValue()))
                                        .count())
                        .isEqualTo(1));
        assertThat(jdbc.queryForList(
                        "SELECT destination FROM message WHERE kind = 'STAFF_ALERT' AND client_id = ?"
                                + " AND channel = 'SMS'",
                        String.class,
                        clientId))
                .containsExactly(SECOND_SUPERVISOR_PHONE);
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (text(message).strip().equals(StaffAlerted.TEXT)) {
                assertThat(message.getSubject()).doesNotContain(clientId.toString());
            }
        }
    }

    /** Emails at GreenMail to {@code address} whose text is exactly the fixed alert. */
    private static long alertsTo(String address) {
        return emailBodies(address).stream()
                .filter(text -> text.strip().equals(StaffAlerted.TEXT))
                .count();
    }
}
