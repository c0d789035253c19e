package org.iopcare.localtools.sandbox;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.iopcare.support.web.ProblemException;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a client would have on their phone and in their mailbox in the local run, and their SMS
 * reply, injected as the provider would post it.
 */
@RestController
@Profile("local")
class SandboxViews {

    /** An SMS the sandbox provider accepted. */
    record SmsView(String sid, String to, String from, String body, Instant time) {}

    /** An email the local SMTP server received. */
    record EmailView(String to, String from, String subject, String body, Instant time) {}

    /**
     * A client's text to the clinic.
     *
     * @param from the client's number, E.164
     * @param body what they wrote, e.g. {@code STOP}
     */
    record Reply(
            @NotBlank @Pattern(regexp = "\\+[1-9][0-9]{6,14}")
            String from,

            @NotNull @Size(max = 1600) String body) {}

    /** The provider's id for the reply and the status {@code POST /api/sms/inbound} answered. */
    record ReplyResult(String messageSid, int inboundStatus) {}

    private final SandboxSmsLog sms;
    private final GreenMail smtp;
    private final SandboxCallbacks callbacks;
    private final SandboxAccount provider;
    private final Environment environment;

    SandboxViews(
            SandboxSmsLog sms,
            GreenMail smtp,
            SandboxCallbacks callbacks,
            SandboxAccount provider,
            Environment environment) {
        this.sms = sms;
        this.smtp = smtp;
        this.callbacks = callbacks;
        this.provider = provider;
        this.environment = environment;
    }

    /**
     * The SMS sent to a number, newest first. The number may come without its {@code +} (an
     * unencoded {@code +} in a query string arrives as a space).
     */
    @GetMapping("/sandbox/sms")
    List<SmsView> sms(@RequestParam String to) {
        String number = to.strip();
        if (!number.startsWith("+")) {
            number = "+" + number;
        }
        return sms.to(number).stream()
                .map(m -> new SmsView(m.sid(), m.to(), m.from(), m.body(), m.time()))
                .toList();
    }

    /** The emails sent to an address, newest first. */
    @GetMapping("/sandbox/email")
    List<EmailView> email(@RequestParam String to) {
        List<EmailView> received = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                if (addressedTo(message, to)) {
                    received.add(0, view(message, to));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("A received email cannot be read", e);
            }
        }
        return received;
    }

    /**
     * A client's reply, posted to this service's {@code /api/sms/inbound} over HTTP with the fields
     * and signature the provider would send.
     */
    @PostMapping("/sandbox/sms/reply")
    ResponseEntity<ReplyResult> reply(@Valid @RequestBody Reply reply) {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE, "not-started", "Not started", "The web server has no port yet");
        }
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", provider.accountSid());
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("From", reply.from());
        params.put("To", provider.from());
        params.put("Body", reply.body());
        params.put("NumMedia", "0");
        int status = callbacks.post("http://localhost:" + port + "/api/sms/inbound", params);
        return ResponseEntity.status(status >= 200 && status < 300 ? HttpStatus.OK : HttpStatus.BAD_GATEWAY)
                .body(new ReplyResult(sid, status));
    }

    private static boolean addressedTo(MimeMessage message, String to) throws MessagingException {
        Address[] recipients = message.getRecipients(RecipientType.TO);
        if (recipients == null) {
            return false;
        }
        for (Address address : recipients) {
            if (address instanceof InternetAddress internet
                    && internet.getAddress().toLowerCase(Locale.ROOT).equals(to.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static EmailView view(MimeMessage message, String to) throws MessagingException, IOException {
        Address[] from = message.getFrom();
        Date date = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
        Object content = message.getContent();
        return new EmailView(
                to,
                from == null || from.length == 0 ? null : from[0].toString(),
                message.getSubject(),
                content instanceof String text ? text.strip() : String.valueOf(content),
                date == null ? null : date.toInstant());
    }
}
