package org.iopcare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iopcare.events.ContactChannel;
import org.iopcare.events.InquiryReceived;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testports.TestPorts;
import org.iopcare.testsupport.Infrastructure;
import org.iopcare.testsupport.TestHttp.Response;
import org.iopcare.testsupport.TestKafka;
import org.iopcare.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The local run's sandbox end to end, in profile {@code local}: the acknowledgement of an inquiry
 * goes over HTTP to the sandbox provider, which reports it delivered through the signed status
 * webhook; an email reaches the local SMTP server; a STOP injected at the sandbox opts the client out.
 *
 * <p>A second Spring context (another profile), kept apart from the shared one so neither takes
 * the other's work: its own schema (its dispatcher claims only its own messages), its own consumer
 * group starting at the latest offset (it does not replay every earlier test's events), reserved
 * ports so the configured provider and callback URLs point at this very server, and it is closed
 * after this class so it stops consuming ({@link SandboxSettings}).
 */
@ActiveProfiles("local")
@ContextConfiguration(initializers = LocalSandboxIT.SandboxSettings.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LocalSandboxIT extends NotificationIT {

    private static final String STAFF = TestTokens.bearer(StaffRole.INTAKE_COORDINATOR);
    private static final int SERVER_PORT = TestPorts.reserve();
    private static final int SMTP_PORT = TestPorts.reserve();
    private static final String SCHEMA = "notification_sandbox";

    @Autowired
    JdbcTemplate jdbc;

    /**
     * Put ahead of the base class's dynamic properties (an initializer runs after them and adds
     * its source first), so these values win over the shared context's.
     */
    static class SandboxSettings implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> settings =
                    sandboxSettings(SCHEMA, SERVER_PORT, SMTP_PORT, "notification-service-sandbox-it");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("local sandbox IT", settings));
        }
    }

    /**
     * A context of its own on the local run's sandbox: its schema (created with its login roles),
     * consumer group, server port (the provider and callback URLs point at it) and SMTP port.
     */
    static Map<String, Object> sandboxSettings(String schema, int serverPort, int smtpPort, String group) {
        Map<String, Object> settings = new HashMap<>(Infrastructure.database(schema));
        settings.put("server.port", serverPort);
        settings.put("spring.cloud.stream.default.group", group);
        settings.put("spring.cloud.stream.kafka.default.consumer.start-offset", "latest");
        settings.put("spring.mail.host", "localhost");
        settings.put("spring.mail.port", smtpPort);
        settings.put("iopcare.notification.sandbox.smtp-port", smtpPort);
        settings.put("iopcare.notification.sandbox.callback-delay", "100ms");
        settings.put("iopcare.notification.sms.base-url", "http://localhost:" + serverPort + "/sandbox/sms/provider");
        settings.put(
                "iopcare.notification.sms.status-callback-url", "http://localhost:" + serverPort + "/api/sms/status");
        settings.put("iopcare.notification.sms.account-sid", "ACsandbox");
        settings.put("iopcare.notification.sms.auth-token", "sandbox-token");
        return settings;
    }

    private static InquiryReceived inquiry(String phone, String email, ContactChannel channel) {
        return new InquiryReceived(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Sam",
                phone,
                email,
                channel,
                true,
                null);
    }

    /**
     * The consumer starts at the latest offset once it has its partitions: the event is published
     * again until it was handled (the handler's claim makes the copies no-ops).
     */
    private void publishUntilHandled(InquiryReceived event) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    TestKafka.publish(event);
                    return !messagesOf(event.clientId()).isEmpty();
                });
    }

    private List<JsonNode> messagesOf(UUID clientId) {
        Response response = http.get("/api/clients/" + clientId + "/messages", STAFF);
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> messages = new ArrayList<>();
        response.json().forEach(messages::add);
        return messages;
    }

    private static List<JsonNode> list(Response response) {
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().forEach(items::add);
        return items;
    }

    @Test
    void anSmsReachesTheSandboxIsDeliveredThroughTheSignedCallbackAndAStopReplyOptsOut() {
        String phone = newNumber();
        InquiryReceived event = inquiry(phone, "sam." + UUID.randomUUID() + "@example.org", ContactChannel.SMS);
        publishUntilHandled(event);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(list(http.get("/sandbox/sms?to=" + phone.substring(1), null)))
                        .singleElement()
                        .satisfies(sms -> {
                            assertThat(sms.get("sid").asString()).startsWith("SM");
                            assertThat(sms.get("to").asString()).isEqualTo(phone);
                            assertThat(sms.get("from").asString()).isEqualTo("+15550100199");
                            assertThat(sms.get("body").asString()).contains("Sam", "Riverside Health");
                            assertThat(sms.get("time").asString()).isNotBlank();
                        }));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(messagesOf(event.clientId()))
                        .filteredOn(m -> m.get("kind").asString().equals("INQUIRY_ACKNOWLEDGEMENT"))
                        .singleElement()
                        .satisfies(m -> assertThat(m.get("status").asString()).isEqualTo("DELIVERED")));

        Response reply = http.postJson("/sandbox/sms/reply", null, "{\"from\":\"" + phone + "\",\"body\":\"STOP\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("inboundStatus").asInt()).isEqualTo(204);
        assertThat(jdbc.queryForObject(
                        "SELECT sms_opted_out_at IS NOT NULL FROM recipient WHERE client_id = ?",
                        Boolean.class,
                        event.clientId()))
                .isTrue();
        // the one confirmation reaches the phone too, newest first
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(list(http.get("/sandbox/sms?to=" + phone.substring(1), null)))
                        .hasSize(2)
                        .first()
                        .satisfies(sms -> assertThat(sms.get("body").asString()).contains("START")));
    }

    @Test
    void anEmailReachesTheLocalSmtpServer() {
        String email = "sam." + UUID.randomUUID() + "@example.org";
        InquiryReceived event = inquiry(newNumber(), email, ContactChannel.EMAIL);
        publishUntilHandled(event);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(list(http.get("/sandbox/email?to=" + email, null)))
                        .singleElement()
                        .satisfies(mail -> {
                            assertThat(mail.get("to").asString()).isEqualTo(email);
                            assertThat(mail.get("from").asString()).contains("messages@clinic.example");
                            assertThat(mail.get("subject").asString()).isNotBlank();
                            assertThat(mail.get("body").asString()).contains("Sam");
                            assertThat(mail.get("time").asString()).isNotBlank();
                        }));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(messagesOf(event.clientId()))
                        .filteredOn(m -> m.get("kind").asString().equals("INQUIRY_ACKNOWLEDGEMENT"))
                        .singleElement()
                        .satisfies(m -> assertThat(m.get("status").asString()).isEqualTo("SENT")));
    }

    @Test
    void theSandboxProviderRefusesWrongCredentialsAndAnInvalidReply() {
        Response wrong = http.exchange(
                HttpMethod.POST,
                "/sandbox/sms/provider/2010-04-01/Accounts/ACsandbox/Messages.json",
                "Basic " + java.util.Base64.getEncoder().encodeToString("ACsandbox:wrong".getBytes()),
                MediaType.APPLICATION_FORM_URLENCODED,
                "To=%2B15551234567&From=%2B15550100199&Body=hi");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(http.postJson("/sandbox/sms/reply", null, "{\"from\":\"nope\",\"body\":\"STOP\"}")
                        .status())
                .isEqualTo(400);
    }
}
