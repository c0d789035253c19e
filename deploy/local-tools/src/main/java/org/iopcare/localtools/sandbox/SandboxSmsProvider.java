package org.iopcare.localtools.sandbox;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Twilio-compatible SMS provider for the local run, served by this service over real HTTP: the
 * "send a message" call {@code TwilioSms} makes, answered as Twilio does ({@code 201}, a
 * {@code SM…} sid, {@code queued}), recorded for {@code GET /sandbox/sms}, then reported
 * {@code delivered} to the message's {@code StatusCallback}, signed, as Twilio would.
 */
@RestController
@Profile("local")
class SandboxSmsProvider {

    private final SandboxAccount provider;
    private final SandboxSmsLog log;
    private final SandboxCallbacks callbacks;
    private final Clock clock;
    private final SandboxProperties properties;
    private final AtomicReference<SandboxProperties.SmsFaults> faults;

    SandboxSmsProvider(
            SandboxAccount provider,
            SandboxSmsLog log,
            SandboxCallbacks callbacks,
            Clock clock,
            SandboxProperties properties) {
        this.properties = properties;
        this.faults = new AtomicReference<>(properties.smsFaults());
        this.provider = provider;
        this.log = log;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @PostMapping(
            path = "/sandbox/sms/provider/2010-04-01/Accounts/{accountSid}/Messages.json",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> send(
            @PathVariable String accountSid,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(name = "To", required = false) String to,
            @RequestParam(name = "From", required = false) String from,
            @RequestParam(name = "Body", required = false) String body,
            @RequestParam(name = "StatusCallback", required = false) String statusCallback,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletResponse raw)
            throws IOException, InterruptedException {
        if (!authorized(accountSid, authorization)) {
            // Twilio's answer to wrong credentials
            return twilioError(HttpStatus.UNAUTHORIZED, 20003, "Authenticate");
        }
        if (to == null || !to.matches("\\+[1-9][0-9]{6,14}")) {
            return twilioError(HttpStatus.BAD_REQUEST, 21211, "The 'To' number is not a valid phone number.");
        }
        if (from == null || from.isBlank() || body == null || body.isBlank()) {
            return twilioError(HttpStatus.BAD_REQUEST, 21602, "Message body and From are required.");
        }
        // a real provider's round trip; the chaos faults below come on top of it
        Thread.sleep(properties.smsLatency().toMillis());
        SandboxProperties.SmsFaults faults = this.faults.get();
        double draw = ThreadLocalRandom.current().nextDouble();
        if (draw < faults.error()) {
            return twilioError(HttpStatus.SERVICE_UNAVAILABLE, 20503, "Service unavailable");
        }
        boolean reset = draw < faults.error() + faults.reset();
        boolean late = !reset && draw < faults.error() + faults.reset() + faults.slow();
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.now(clock);
        if (reset && ThreadLocalRandom.current().nextBoolean()) {
            brokenAnswer(raw);
            return null;
        }
        // taken: counted and listed before any answer, as a provider stores a message first
        log.count(idempotencyKey);
        log.record(new SandboxSmsLog.Sms(sid, to, from, body, now));
        if (reset) {
            brokenAnswer(raw);
            return null;
        }
        if (late) {
            Thread.sleep(faults.slowBy().toMillis());
        }
        if (statusCallback != null && !statusCallback.isBlank()) {
            Map<String, String> report = new LinkedHashMap<>();
            report.put("AccountSid", accountSid);
            report.put("MessageSid", sid);
            report.put("SmsSid", sid);
            report.put("MessageStatus", "delivered");
            report.put("SmsStatus", "delivered");
            report.put("To", to);
            report.put("From", from);
            callbacks.postLater(statusCallback, report);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sid", sid);
        answer.put("account_sid", accountSid);
        answer.put("to", to);
        answer.put("from", from);
        answer.put("body", body);
        answer.put("status", "queued");
        answer.put("date_created", now.toString());
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    /**
     * Half an answer, then the connection closes: the client has sent its request and cannot know
     * whether it was taken.
     */
    private static void brokenAnswer(HttpServletResponse raw) throws IOException {
        raw.setStatus(HttpStatus.CREATED.value());
        raw.setContentType(MediaType.APPLICATION_JSON_VALUE);
        raw.setContentLength(4096);
        raw.setHeader(HttpHeaders.CONNECTION, "close");
        raw.getOutputStream().write("{\"sid\":".getBytes(StandardCharsets.UTF_8));
        raw.flushBuffer();
        raw.getOutputStream().close();
    }

    /** Turns the chaos faults on or off while the local run goes on (a flaky provider on demand). */
    @PutMapping(path = "/sandbox/sms/provider/faults", consumes = MediaType.APPLICATION_JSON_VALUE)
    SandboxProperties.SmsFaults faults(@RequestBody SandboxProperties.SmsFaults faults) {
        this.faults.set(faults);
        return faults;
    }

    /** What the sandbox provider counted since it started; a benchmark's check that nothing arrived twice. */
    @GetMapping("/sandbox/sms/provider/counts")
    SandboxSmsLog.Counts counts() {
        return log.counts();
    }

    /** Twilio's status lookup of one message, for the reconciliation of UNKNOWN ones. */
    @GetMapping("/sandbox/sms/provider/2010-04-01/Accounts/{accountSid}/Messages/{sid}.json")
    ResponseEntity<Map<String, Object>> message(
            @PathVariable String accountSid,
            @PathVariable String sid,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!authorized(accountSid, authorization)) {
            return twilioError(HttpStatus.UNAUTHORIZED, 20003, "Authenticate");
        }
        return log.bySid(sid)
                .map(sms -> ResponseEntity.ok(resource(accountSid, sms)))
                .orElseGet(() -> twilioError(HttpStatus.NOT_FOUND, 20404, "The requested resource was not found"));
    }

    /** Twilio's message list filtered by recipient (and, like Twilio, the day sent). */
    @GetMapping("/sandbox/sms/provider/2010-04-01/Accounts/{accountSid}/Messages.json")
    ResponseEntity<Map<String, Object>> list(
            @PathVariable String accountSid,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(name = "To", required = false) String to) {
        if (!authorized(accountSid, authorization)) {
            return twilioError(HttpStatus.UNAUTHORIZED, 20003, "Authenticate");
        }
        List<Map<String, Object>> messages = (to == null ? List.<SandboxSmsLog.Sms>of() : log.to(to))
                .stream().map(sms -> resource(accountSid, sms)).toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("messages", messages);
        page.put("page", 0);
        return ResponseEntity.ok(page);
    }

    /** The sandbox delivers everything: a recorded message is reported delivered. */
    private static Map<String, Object> resource(String accountSid, SandboxSmsLog.Sms sms) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("sid", sms.sid());
        resource.put("account_sid", accountSid);
        resource.put("to", sms.to());
        resource.put("from", sms.from());
        resource.put("body", sms.body());
        resource.put("status", "delivered");
        resource.put(
                "date_created",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(sms.time().atZone(ZoneOffset.UTC)));
        return resource;
    }

    private boolean authorized(String accountSid, String authorization) {
        if (!provider.accountSid().equals(accountSid) || authorization == null || !authorization.startsWith("Basic ")) {
            return false;
        }
        String expected = Base64.getEncoder()
                .encodeToString((provider.accountSid() + ":" + provider.authToken()).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8),
                authorization.substring("Basic ".length()).strip().getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<Map<String, Object>> twilioError(HttpStatus status, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("status", status.value());
        return ResponseEntity.status(status).body(error);
    }
}
