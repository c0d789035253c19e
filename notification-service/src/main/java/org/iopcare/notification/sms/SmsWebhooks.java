package org.iopcare.notification.sms;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.iopcare.notification.delivery.DeliveryReports;
import org.iopcare.support.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS provider's webhooks: public (no staff token), each request signed by the provider with
 * the account's auth token ({@link TwilioSignature}); a missing or wrong signature is a 403 problem.
 */
@RestController
class SmsWebhooks {

    private final SmsWebhookSignature signature;
    private final InboundReplies replies;
    private final DeliveryReports reports;

    SmsWebhooks(SmsWebhookSignature signature, InboundReplies replies, DeliveryReports reports) {
        this.signature = signature;
        this.replies = replies;
        this.reports = reports;
    }

    /** A client's text to the clinic's number. */
    @PostMapping(path = "/api/sms/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> inbound(
            HttpServletRequest request,
            @RequestHeader(name = TwilioSignature.HEADER, required = false) @Nullable String signed,
            @RequestParam MultiValueMap<String, String> form) {
        Map<String, String> params = verified(request, signed, form);
        String sid = required(params, "MessageSid");
        replies.receive(sid, required(params, "From"), params.getOrDefault("Body", ""));
        return ResponseEntity.noContent().build();
    }

    /** The provider's report on a message it accepted. */
    @PostMapping(path = "/api/sms/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(
            HttpServletRequest request,
            @RequestHeader(name = TwilioSignature.HEADER, required = false) @Nullable String signed,
            @RequestParam MultiValueMap<String, String> form) {
        Map<String, String> params = verified(request, signed, form);
        reports.report(required(params, "MessageSid"), required(params, "MessageStatus"));
        return ResponseEntity.noContent().build();
    }

    private Map<String, String> verified(
            HttpServletRequest request, @Nullable String signed, MultiValueMap<String, String> form) {
        Map<String, String> params = new HashMap<>();
        form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        String url = request.getRequestURL().toString();
        if (request.getQueryString() != null) {
            url += "?" + request.getQueryString();
            // query parameters are part of the URL, not of the signed POST parameters
            for (String name : request.getParameterMap().keySet()) {
                if (request.getQueryString().contains(name + "=")) {
                    params.remove(name);
                }
            }
        }
        if (!signature.matches(url, params, signed)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN, "bad-signature", "Forbidden", "The request signature does not match");
        }
        return params;
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST, "missing-parameter", "Bad request", name + " is required");
        }
        return value;
    }
}
