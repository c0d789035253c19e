package org.iopcare.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.iopcare.notification.message.Channel;
import org.iopcare.notification.message.ClinicProperties;
import org.iopcare.notification.message.ClinicProperties.Clinic;
import org.iopcare.testports.TestPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Email over SMTP with a second server: used only when the first certainly did not take the message. */
class SmtpEmailTest {

    private static final GreenMail first = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final GreenMail second = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final DeliveryProperties DELIVERY = new DeliveryProperties(
            true,
            Duration.ofMillis(500),
            1,
            4,
            10,
            Duration.ofMinutes(2),
            1,
            100,
            100,
            8,
            6,
            Duration.ofSeconds(2),
            Duration.ofMinutes(10),
            "messages@clinic.example");
    private static final ClinicProperties CLINIC = new ClinicProperties(
            new Clinic("Riverside Health", "(555) 010-0199", "Riverside Health"),
            "intake@clinic.example",
            "care@clinic.example");

    @BeforeAll
    static void start() {
        first.start();
        second.start();
    }

    @AfterAll
    static void stop() {
        first.stop();
        second.stop();
    }

    private static JavaMailSender server(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "2000");
        properties.setProperty("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(properties);
        return sender;
    }

    private static Outgoing email(String to) {
        return new Outgoing(UUID.randomUUID(), Channel.EMAIL, to, "A message from Riverside Health", "Hello");
    }

    @Test
    void anUnreachableFirstServerHandsTheMessageToTheSecond() throws IOException {
        // reserved and never bound: a connection to it is refused
        int closed = TestPorts.reserve();
        SmtpEmail email =
                new SmtpEmail(List.of(server(closed), server(second.getSmtp().getPort())), DELIVERY, CLINIC);
        assertThat(email.send(email("a@example.org"))).isEqualTo(new SendOutcome.Accepted(null, "fallback"));
        assertThat(second.getReceivedMessagesForDomain("a@example.org")).hasSize(1);
    }

    @Test
    void aWorkingFirstServerIsTheOnlyOneUsed() {
        SmtpEmail email = new SmtpEmail(
                List.of(
                        server(first.getSmtp().getPort()),
                        server(second.getSmtp().getPort())),
                DELIVERY,
                CLINIC);
        assertThat(email.send(email("b@example.org"))).isEqualTo(new SendOutcome.Accepted(null, "primary"));
        assertThat(first.getReceivedMessagesForDomain("b@example.org")).hasSize(1);
        assertThat(second.getReceivedMessagesForDomain("b@example.org")).isEmpty();
    }
}
