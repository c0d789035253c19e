package org.iopcare.notification.sms;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inbound SMS as the provider posts them to the service's webhook: the form fields, the form, the
 * signature the provider adds, and a client with a phone to send them from.
 */
public final class InboundSms {

    public static final String PATH = "/api/sms/inbound";

    /** The clinic's number, which clients reply to. */
    public static final String CLINIC_NUMBER = "+15550100199";

    /** The client id of an answer to a number no client has. */
    public static final UUID NO_CLIENT = InboundReplies.NO_CLIENT;

    private InboundSms() {}

    /** A reply from {@code from} with a message sid of its own. */
    public static Map<String, String> reply(String from, String body) {
        return reply(sid(), from, body);
    }

    /** A reply; the same sid again is the provider retrying the webhook. */
    public static Map<String, String> reply(String sid, String from, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("From", from);
        params.put("To", CLINIC_NUMBER);
        params.put("Body", body);
        return params;
    }

    public static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The provider's signature of a post of {@code params} to {@code path} of the service on {@code port}. */
    public static String signature(String authToken, int port, String path, Map<String, String> params) {
        return new TwilioSignature(authToken).sign(url(port, path), params);
    }

    /** A post of the form to {@code path}, with the given signature header unless it is null. */
    public static HttpRequest post(int port, String path, Map<String, String> params, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(port, path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)));
        if (signature != null) {
            request.header(TwilioSignature.HEADER, signature);
        }
        return request.build();
    }

    /** A post to the inbound webhook, signed as the provider signs it. */
    public static HttpRequest signed(String authToken, int port, Map<String, String> params) {
        return post(port, PATH, params, signature(authToken, port, PATH, params));
    }

    /** A client with this phone and every consent given, as intake's events leave them. */
    public static UUID recipient(JdbcTemplate jdbc, String phone) {
        UUID clientId = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO recipient (client_id, phone, contact_consent, sms_consent, email_consent, updated_at)"
                        + " VALUES (?, ?, true, true, true, now())",
                clientId,
                phone);
        return clientId;
    }

    private static String url(int port, String path) {
        return "http://localhost:" + port + path;
    }
}
