package org.iopcare.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.iopcare.notification.sms.TwilioSignature;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.testsupport.fuzz.ApiFuzzer;
import org.iopcare.testsupport.fuzz.FuzzReport;
import org.iopcare.testsupport.fuzz.FuzzRequest;
import org.iopcare.testsupport.fuzz.SchemaState;
import org.iopcare.testsupport.fuzz.ValidRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every operation in notification's API description gets bad input with a token holding every
 * staff role: no answer may be 5xx, every 4xx is a problem response, and a refused write leaves
 * the notification schema as it was (see {@link ApiFuzzer}). The provider webhooks' bad forms are
 * signed like the provider would sign them, so they reach the form handling behind the check.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiFuzzIT extends NotificationIT {

    // audit_log: a row is appended for refused requests too, by design. outbox_event: the relay
    // deletes rows once published. processed_event: consumer claims. scheduled_tasks: the task
    // scheduler's own heartbeat and pick-up bookkeeping. delivery_attempt and message (with its
    // message_status_change history): the delivery workers and reminder planner go on working
    // through other tests' messages in the background, whatever a request does.
    static final Set<String> BOOKKEEPING = Set.of(
            "audit_log",
            "outbox_event",
            "processed_event",
            "scheduled_tasks",
            "delivery_attempt",
            "message",
            "message_status_change");

    @Autowired
    DataSource dataSource;

    @Test
    void noBadInputIsAnsweredWithAServerErrorOrChangesTheDatabaseWhenRefused(CapturedOutput output) {
        TwilioSignature signature = new TwilioSignature(SMS_TOKEN);
        FuzzReport report = ApiFuzzer.of("notification-service", port)
                // every staff role, and the SMART scope of the FHIR read API so that its searches are reached
                .authorization(TestTokens.smartBearerFor("staff-test", "user/*.read", StaffRole.values()))
                .state(new SchemaState(dataSource, "notification", BOOKKEEPING))
                .valid(
                        "POST /api/sms/inbound",
                        ValidRequest.form("From=%2B16175550100&To=%2B16175550199&Body=YES&MessageSid=SMfuzz0001"))
                .valid("POST /api/sms/status", ValidRequest.form("MessageSid=SMfuzzunknown&MessageStatus=delivered"))
                .signer(request -> sign(signature, request))
                .serviceLog(output::getOut)
                .reportTo(Path.of("target", "fuzz", "notification-service.txt"))
                .run();

        System.out.println(report.summary());
        assertThat(report.operations()).hasSizeGreaterThanOrEqualTo(5);
        report.assertNoViolations();
    }

    private List<FuzzRequest.Header> sign(TwilioSignature signature, FuzzRequest request) {
        if (!request.method().equals("POST") || !request.target().startsWith("/api/sms/") || request.body() == null) {
            return List.of();
        }
        try {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : new String(request.body(), StandardCharsets.UTF_8).split("&")) {
                if (!pair.isEmpty()) {
                    String[] kv = pair.split("=", 2);
                    form.putIfAbsent(
                            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                            kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
            }
            return List.of(new FuzzRequest.Header(
                    TwilioSignature.HEADER, signature.sign("http://localhost:" + port + request.target(), form)));
        } catch (IllegalArgumentException undecodable) {
            // A form no decoder reads cannot be signed; it goes unsigned and must be refused all the same.
            return List.of();
        }
    }
}
