package org.iopcare.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.iopcare.notification.message.Channel;
import org.iopcare.notification.message.ClinicProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP (Spring Mail). Accepted once the SMTP server took the message (there are no
 * delivery receipts for email); a refused recipient is undeliverable; a refused connection or
 * failed login is retried (on the second server first, when one is configured); a timeout in the
 * middle of the conversation is UNKNOWN.
 */
@Component
class SmtpEmail implements ChannelSender {

    private static final List<String> NAMES = List.of("primary", "fallback");

    /** How long a send waits for the second server's rate once the first certainly failed. */
    private static final Duration NEXT_SERVER_WAIT = Duration.ofSeconds(2);

    private final List<JavaMailSender> servers;
    private final List<SendPermits> permits;
    private final List<Semaphore> connections;
    private final DeliveryProperties properties;
    private final ClinicProperties clinic;

    @Autowired
    SmtpEmail(
            JavaMailSender mail,
            DeliveryProperties properties,
            ClinicProperties clinic,
            EmailFallbackProperties fallback) {
        this(servers(mail, fallback), properties, clinic);
    }

    SmtpEmail(List<JavaMailSender> servers, DeliveryProperties properties, ClinicProperties clinic) {
        MailStreams.nameProvider();
        this.servers = List.copyOf(servers);
        this.permits = servers.stream()
                .map(server -> (SendPermits) TokenBucket.perSecond(properties.emailPerSecondPerServer()))
                .toList();
        this.connections = servers.stream()
                .map(server -> new Semaphore(properties.emailConnectionsPerServer()))
                .toList();
        this.properties = properties;
        this.clinic = clinic;
    }

    private static List<JavaMailSender> servers(JavaMailSender primary, EmailFallbackProperties fallback) {
        if (!fallback.enabled()) {
            return List.of(primary);
        }
        JavaMailSenderImpl second = new JavaMailSenderImpl();
        second.setHost(fallback.host());
        second.setPort(fallback.port());
        second.setUsername(fallback.username());
        second.setPassword(fallback.password());
        second.setDefaultEncoding("UTF-8");
        String millis = String.valueOf(fallback.timeout().toMillis());
        Properties mailProperties = new Properties();
        mailProperties.setProperty("mail.smtp.connectiontimeout", millis);
        mailProperties.setProperty("mail.smtp.timeout", millis);
        mailProperties.setProperty("mail.smtp.writetimeout", millis);
        if (fallback.username() != null) {
            mailProperties.setProperty("mail.smtp.auth", "true");
        }
        second.setJavaMailProperties(mailProperties);
        return List.of(primary, second);
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /** The first server's rate: every send starts there. */
    @Override
    public SendPermits permits() {
        return permits.get(0);
    }

    /** The first server's connections: every send starts there. */
    @Override
    public int parallelism() {
        return properties.emailConnectionsPerServer();
    }

    /**
     * The servers in order; the next only after a certain failure of the previous one (an
     * acceptance, a refused recipient or an ambiguous timeout ends the send). The first server's
     * permit was taken by the dispatcher; the second waits for one of its own. Each send is its own
     * SMTP connection (JavaMailSenderImpl opens a transport per call and shares only the session,
     * which is thread-safe), so concurrent sends never share a conversation.
     */
    @Override
    public SendOutcome send(Outgoing message) {
        SendOutcome outcome = null;
        for (int i = 0; i < servers.size(); i++) {
            if (i > 0 && !permits.get(i).await(NEXT_SERVER_WAIT)) {
                return new SendOutcome.Retryable("SMTP server rate limit reached");
            }
            outcome = sendOnConnection(i, message);
            if (!(outcome instanceof SendOutcome.Retryable)) {
                return outcome;
            }
        }
        return outcome;
    }

    /** Waits for one of the server's connections; nothing was sent when none came. */
    private SendOutcome sendOnConnection(int server, Outgoing message) {
        Semaphore open = connections.get(server);
        try {
            if (!open.tryAcquire(NEXT_SERVER_WAIT.multipliedBy(5).toMillis(), TimeUnit.MILLISECONDS)) {
                return new SendOutcome.Retryable("SMTP connections all busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Retryable("SMTP send interrupted before connecting");
        }
        try {
            return send(servers.get(server), NAMES.get(server), message);
        } finally {
            open.release();
        }
    }

    private SendOutcome send(JavaMailSender mail, String server, Outgoing message) {
        MimeMessage mime = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
            helper.setFrom(properties.emailFrom(), clinic.clinic().senderName());
            helper.setTo(message.destination());
            helper.setSubject(message.subject());
            helper.setText(message.body());
            // one Message-ID per message, whatever the attempt: mail clients show copies with the same id once
            mime.setHeader("Message-ID", "<" + message.messageId() + "@iopcare.notification>");
            if (message.unsubscribe() != null) {
                // RFC 8058 one-click: the provider POSTs "List-Unsubscribe=One-Click" to the signed https link
                mime.setHeader("List-Unsubscribe", message.unsubscribe());
                mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            return new SendOutcome.Rejected("address not usable");
        }
        try {
            mail.send(mime);
        } catch (MailAuthenticationException e) {
            return new SendOutcome.Retryable("SMTP login refused");
        } catch (MailSendException e) {
            return classify(e);
        } catch (MailException e) {
            return new SendOutcome.Retryable("SMTP " + e.getClass().getSimpleName());
        }
        // email has no provider status reports, so no provider id to remember
        return new SendOutcome.Accepted(null, server);
    }

    private static SendOutcome classify(MailSendException e) {
        for (Exception failure : e.getFailedMessages().values()) {
            for (Throwable cause = failure; cause != null; cause = next(cause)) {
                if (cause instanceof SendFailedException refused
                        && refused.getInvalidAddresses() != null
                        && refused.getInvalidAddresses().length > 0) {
                    return new SendOutcome.Rejected("recipient refused by SMTP server");
                }
                if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                    return new SendOutcome.Retryable("SMTP server unreachable");
                }
                if (cause instanceof SocketTimeoutException) {
                    return new SendOutcome.Unknown("SMTP server did not answer in time");
                }
            }
        }
        return new SendOutcome.Retryable("SMTP send failed");
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return cause.getCause();
    }
}
