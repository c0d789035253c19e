package org.iopcare.notification.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.CareTeamChanged;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.EmergencyAccessGranted;
import org.iopcare.events.InquiryReceived;
import org.iopcare.notification.NotificationIT;
import org.iopcare.notification.message.ClientMessages;
import org.iopcare.support.caseload.CareTeamProjection;
import org.iopcare.support.messaging.ProcessedEvents;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.staff.StaffDirectory;
import org.iopcare.support.staff.StaffMember;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The caseload on the real broker: care-team-changed and emergency-access-granted decide which
 * clients' messages a clinician sees, and a break-glass access emails every clinical supervisor of
 * the staff directory once, at the real SMTP server.
 */
@ExtendWith(OutputCaptureExtension.class)
class CaseloadIT extends NotificationIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StaffDirectory staff;

    @Autowired
    CareTeamProjection projection;

    @Autowired
    ProcessedEvents processed;

    @Autowired
    ClientMessages messages;

    @Autowired
    PlatformTransactionManager transactions;

    /** A client with a message: an inquiry's acknowledgement. */
    private UUID clientWithMessages() {
        UUID clientId = UUID.randomUUID();
        TestKafka.publish(new InquiryReceived(
                UUID.randomUUID(),
                Instant.now(),
                clientId,
                UUID.randomUUID(),
                "Sam",
                null,
                "sam." + clientId + "@example.org",
                ContactChannel.EMAIL,
                true,
                null));
        String supervisor = TestTokens.bearer(StaffRole.CLINICAL_SUPERVISOR);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get("/api/clients/" + clientId + "/messages", supervisor)
                                .json()
                                .size()
                        == 1);
        return clientId;
    }

    private static EmergencyAccessGranted grant(UUID clientId, String staffId, Instant expiresAt) {
        return new EmergencyAccessGranted(
                UUID.randomUUID(), Instant.now(), clientId, UUID.randomUUID(), staffId, expiresAt);
    }

    @Test
    void aClinicianSeesAClientsMessagesWhileOnTheCareTeamOrHoldingAnUnexpiredGrant() {
        UUID clientId = clientWithMessages();
        String clinician = "clin-" + UUID.randomUUID();
        String token = TestTokens.bearerFor(clinician, StaffRole.CLINICIAN);
        String messagesOfClient = "/api/clients/" + clientId + "/messages";
        assertThat(http.get(messagesOfClient, token).status()).isEqualTo(404);

        TestKafka.publish(new CareTeamChanged(UUID.randomUUID(), Instant.now(), clientId, clinician, List.of()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get(messagesOfClient, token).status() == 200);
        Response own = http.get(messagesOfClient, token);
        assertThat(own.json().findValuesAsString("body"))
                .hasSize(1)
                .allSatisfy(body -> assertThat(body).isNotBlank());

        // off the team again
        TestKafka.publish(
                new CareTeamChanged(UUID.randomUUID(), Instant.now(), clientId, "clin-someone-else", List.of()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get(messagesOfClient, token).status() == 404);

        // break-glass: seen again until the grant expires
        TestKafka.publish(grant(clientId, clinician, Instant.now().plus(Duration.ofHours(4))));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get(messagesOfClient, token).status() == 200);

        // a grant that has already expired opens nothing
        UUID other = clientWithMessages();
        EmergencyAccessGranted expired = grant(other, clinician, Instant.now().minusSeconds(1));
        TestKafka.publish(expired);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM emergency_access WHERE grant_id = ?",
                                Long.class,
                                expired.grantId())
                        == 1);
        assertThat(http.get("/api/clients/" + other + "/messages", token).status())
                .isEqualTo(404);
    }

    @Test
    void aBreakGlassAccessEmailsEachClinicalSupervisorOnceWithoutClientDetails() {
        List<StaffMember> supervisors = staff.withRole(StaffRole.CLINICAL_SUPERVISOR).stream()
                .filter(s -> s.email() != null)
                .toList();
        assertThat(supervisors).extracting(StaffMember::id).contains(SUPERVISOR, SECOND_SUPERVISOR);
        UUID clientId = UUID.randomUUID();
        Instant expiresAt = Instant.parse("2031-05-06T07:08:09Z");
        EmergencyAccessGranted event = grant(clientId, "clin-okafor", expiresAt);
        TestKafka.publish(event);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (StaffMember supervisor : supervisors) {
                assertThat(alertsTo(supervisor.email(), clientId)).hasSize(1);
            }
        });
        String body = alertsTo(supervisors.get(0).email(), clientId).get(0);
        assertThat(body)
                .contains("Ngozi Okafor", clientId.toString(), "2031-05-06 07:08 UTC", "audit trail")
                .doesNotContain("clin-okafor")
                .doesNotContain(event.grantId().toString());

        // the same event again, then a later one on the same partition: only the later one is new
        TestKafka.publish(event);
        EmergencyAccessGranted later = grant(clientId, "clin-not-in-directory", expiresAt);
        TestKafka.publish(later);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(alertsTo(supervisors.get(0).email(), clientId))
                        .anySatisfy(text -> assertThat(text).contains("clin-not-in-directory")));
        // every supervisor has the later alert, and nothing else comes: the redelivery queued none
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (StaffMember supervisor : supervisors) {
                assertThat(alertsTo(supervisor.email(), clientId)).hasSize(2);
            }
        });
        assertThat(alertsTo(careTeam(), clientId)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM message WHERE client_id = ? AND kind = 'EMERGENCY_ACCESS_ALERT'",
                        Long.class,
                        clientId))
                .isEqualTo(2L * supervisors.size());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM emergency_access WHERE client_id = ?", Long.class, clientId))
                .isEqualTo(2);
    }

    @Test
    void withoutASupervisorTheAlertGoesToTheCareTeamAddressAndAWarningSaysSo(CapturedOutput output) {
        EmergencyAccessAlerts alone =
                new EmergencyAccessAlerts(projection, processed, new StaffDirectory(List.of(), 10), messages);
        UUID clientId = UUID.randomUUID();
        EmergencyAccessGranted event =
                grant(clientId, "clin-reyes", Instant.now().plus(Duration.ofHours(4)));
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> alone.on(event));
        transaction.executeWithoutResult(status -> alone.on(event));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(alertsTo(careTeam(), clientId)).hasSize(1));
        assertThat(alertsTo(careTeam(), clientId).get(0)).contains("clin-reyes", "audit trail");
        assertThat(output.getOut())
                .contains("No clinical supervisor with an email address")
                .doesNotContain(clientId.toString());
    }

    private String careTeam() {
        return messages.careTeamAddress();
    }

    private List<String> alertsTo(String address, UUID clientId) {
        return emailBodies(address).stream()
                .filter(text -> text.contains(clientId.toString()) && text.contains("audit trail"))
                .toList();
    }
}
