package org.iopcare.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.iopcare.testsupport.Infrastructure;
import org.iopcare.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * notification-service on a free port, on the test JVM's real Kafka broker and PostgreSQL, sending
 * email to a real SMTP server (GreenMail) and SMS to a Twilio-compatible HTTP API (WireMock), both
 * started once per test JVM. Every message of every test, including the thousands of the delivery
 * guarantee tests, goes to these two servers: the SMS default answer is an immediate acceptance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class NotificationIT {

    protected static final String SMS_ACCOUNT = "ACtest";
    protected static final String SMS_TOKEN = "test-token";
    /** The clinical supervisors of the tests' staff directory, each with an email address. */
    protected static final String SUPERVISOR = "sup-lindqvist";

    protected static final String SECOND_SUPERVISOR = "sup-abara";
    /** The second supervisor's phone: staff alerts reach them by SMS too. */
    protected static final String SECOND_SUPERVISOR_PHONE = "+15550100133";

    protected static final String SMS_PATH = "/2010-04-01/Accounts/" + SMS_ACCOUNT + "/Messages.json";

    protected static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    protected static final WireMockServer smsProvider =
            new WireMockServer(options().dynamicPort().globalTemplating(true));

    static {
        smtp.start();
        smsProvider.start();
        smsProvider.stubFor(
                post(urlPathMatching("/2010-04-01/Accounts/.*/Messages.json"))
                        .atPriority(10)
                        .willReturn(
                                aResponse()
                                        .withStatus(201)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"sid\":\"SM{{randomValue length=32 type='ALPHANUMERIC'}}\",\"status\":\"queued\"}")));
    }

    /** A phone number no other test uses. */
    protected static String newNumber() {
        return "+1555" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    /** The text of every email the SMTP server received for {@code address}, oldest first. */
    protected static List<String> emailBodies(String address) {
        return emails(address).stream().map(NotificationIT::text).toList();
    }

    /** Every email the SMTP server received for {@code address}, oldest first. */
    protected static List<MimeMessage> emails(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> isTo(message, address))
                .toList();
    }

    /** An email's text (the services send plain text). */
    protected static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a.toString().equals(address));
        } catch (Exception e) {
            return false;
        }
    }

    @LocalServerPort
    protected int port;

    protected TestHttp http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.register(registry, "notification");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("iopcare.notification.sms.base-url", smsProvider::baseUrl);
        registry.add("iopcare.notification.sms.account-sid", () -> SMS_ACCOUNT);
        registry.add("iopcare.notification.sms.auth-token", () -> SMS_TOKEN);
        registry.add("iopcare.notification.sms.read-timeout", () -> "1s");
        registry.add("iopcare.notification.delivery.poll-interval", () -> "100ms");
        registry.add("iopcare.notification.delivery.workers", () -> "2");
        // a few sends in flight, so a test can still commit a STOP in the middle of a batch
        registry.add("iopcare.notification.delivery.concurrency", () -> "4");
        registry.add("iopcare.notification.delivery.sms-per-second-per-sender", () -> "10000");
        registry.add("iopcare.notification.delivery.sms-per-second-per-provider", () -> "10000");
        registry.add("iopcare.notification.delivery.email-per-second-per-server", () -> "10000");
        registry.add("iopcare.notification.delivery.max-attempts", () -> "3");
        registry.add("iopcare.notification.delivery.initial-backoff", () -> "100ms");
        registry.add("iopcare.notification.delivery.max-backoff", () -> "400ms");
        // reminders within a second; every hour of the day in the send window, so tests run at any time
        registry.add("iopcare.notification.reminders.poll-interval", () -> "200ms");
        registry.add("iopcare.notification.reminders.welcome-delay", () -> "300ms");
        registry.add("iopcare.notification.send-window.start", () -> "00:00");
        // the suites send several messages a day to one client; FrequencyCapIT tests the cap itself
        registry.add("iopcare.notification.frequency-cap.per-day", () -> "1000");
        registry.add("iopcare.notification.frequency-cap.per-rolling-week", () -> "1000");
        registry.add("iopcare.notification.send-window.end", () -> "23:59");
        registry.add("iopcare.notification.reconciliation.interval", () -> "300ms");
        registry.add("iopcare.notification.reconciliation.after", () -> "0s");
        registry.add("iopcare.notification.reconciliation.absent-for", () -> "2s");
        // the intake summary runs only when a test asks (IntakeSummaryIT, at instants of its own):
        // a run on the real clock would count other tests' inquiries at a quarter-hour boundary
        registry.add("iopcare.notification.intake-summary.enabled", () -> "false");
        // the staff directory: two clinical supervisors to alert, a clinician known by name
        staff(registry, 0, SUPERVISOR, "Karin Lindqvist", "CLINICAL_SUPERVISOR", "karin.lindqvist@example.org");
        staff(registry, 1, SECOND_SUPERVISOR, "Ayo Abara", "CLINICAL_SUPERVISOR", "ayo.abara@example.org");
        registry.add("iopcare.staff.members[1].phone", () -> SECOND_SUPERVISOR_PHONE);
        staff(registry, 2, "clin-okafor", "Ngozi Okafor", "CLINICIAN", "ngozi.okafor@example.org");
    }

    private static void staff(
            DynamicPropertyRegistry registry, int index, String id, String name, String role, String email) {
        String member = "iopcare.staff.members[" + index + "].";
        registry.add(member + "id", () -> id);
        registry.add(member + "display-name", () -> name);
        registry.add(member + "roles[0]", () -> role);
        registry.add(member + "email", () -> email);
    }

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }
}
