package org.iopcare.notification.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through a Twilio-compatible API: {@code POST {base}/2010-04-01/Accounts/{sid}/Messages.json},
 * form-encoded, basic auth. 2xx with a sid is accepted; 429 and 5xx, a refused connection or a
 * connect timeout are certain failures (retried); other 4xx are refusals (an invalid number is
 * undeliverable); a timeout or broken connection after the request went out is UNKNOWN. Also asks
 * the provider what became of a message, for the reconciliation of UNKNOWN ones. One instance per
 * configured provider ({@link SmsChannel} orders them).
 */
class TwilioSms {

    /** A message as the provider's status lookup or list reports it. */
    record ProviderMessage(
            @Nullable String sid,
            @Nullable String status,
            @Nullable String body,
            @Nullable Instant created) {}

    /** The request header (IETF httpapi draft) that names one message across attempts. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final String name;
    private final SmsProviderProperties properties;
    private final RestClient client;
    private final JsonMapper json;

    TwilioSms(SmsProviderProperties properties, JsonMapper json) {
        this("primary", properties, json);
    }

    TwilioSms(String name, SmsProviderProperties properties, JsonMapper json) {
        this.name = name;
        this.properties = properties;
        this.json = json;
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.readTimeout());
        String credentials = properties.accountSid() + ":" + properties.authToken();
        this.client = RestClient.builder()
                .requestFactory(factory)
                .baseUrl(properties.baseUrl().toString())
                .defaultHeader(
                        HttpHeaders.AUTHORIZATION,
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    /** The provider's name in configuration and in {@code message.provider}: primary or fallback. */
    String name() {
        return name;
    }

    /** The number it sends from, E.164: the provider's per-number rate applies to it. */
    String from() {
        return properties.from();
    }

    SendOutcome send(Outgoing message) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", message.destination());
        form.add("From", properties.from());
        form.add("Body", message.body());
        if (properties.statusCallbackUrl() != null
                && !properties.statusCallbackUrl().isBlank()) {
            form.add("StatusCallback", properties.statusCallbackUrl());
        }
        ResponseEntity<String> response;
        try {
            response = client.post()
                    .uri("/2010-04-01/Accounts/{sid}/Messages.json", properties.accountSid())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    // the same for every attempt of one message: a provider that honours it takes
                    // the message once however often it is asked
                    .header(IDEMPOTENCY_KEY, message.messageId().toString())
                    .body(form)
                    .retrieve()
                    .onStatus(status -> true, (request, answer) -> {})
                    .toEntity(String.class);
        } catch (RuntimeException e) {
            return classify(e);
        }
        int status = response.getStatusCode().value();
        if (status >= 200 && status < 300) {
            String sid = field(response.getBody(), "sid");
            return sid == null
                    ? new SendOutcome.Unknown("accepted without a sid")
                    : new SendOutcome.Accepted(sid, name);
        }
        if (status == 429 || status >= 500) {
            return new SendOutcome.Retryable("provider status " + status);
        }
        // only the provider's error code: its message text may quote the number
        String code = field(response.getBody(), "code");
        return new SendOutcome.Rejected("provider status " + status + (code == null ? "" : ", code " + code));
    }

    /**
     * The provider's record of one message ({@code GET …/Messages/{sid}.json}); empty when it has
     * none (404). Throws when the provider cannot be asked.
     */
    Optional<ProviderMessage> lookup(String sid) {
        ResponseEntity<String> response = client.get()
                .uri("/2010-04-01/Accounts/{account}/Messages/{sid}.json", properties.accountSid(), sid)
                .retrieve()
                .onStatus(status -> true, (request, answer) -> {})
                .toEntity(String.class);
        if (response.getStatusCode().value() == 404) {
            return Optional.empty();
        }
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException(
                    "status lookup answered " + response.getStatusCode().value());
        }
        return Optional.of(message(json.readTree(response.getBody())));
    }

    /**
     * The messages the provider holds to {@code to} created on or after {@code since}'s day
     * ({@code GET …/Messages.json?To=…&DateSent>=…}). Throws when the provider cannot be asked.
     */
    List<ProviderMessage> sentTo(String to, Instant since) {
        ResponseEntity<String> response = client.get()
                .uri(uri -> uri.path("/2010-04-01/Accounts/{account}/Messages.json")
                        .queryParam("To", "{to}")
                        .queryParam("DateSent>", "{since}")
                        .queryParam("PageSize", 100)
                        .build(
                                properties.accountSid(),
                                to,
                                since.atZone(ZoneOffset.UTC).toLocalDate().toString()))
                .retrieve()
                .onStatus(status -> true, (request, answer) -> {})
                .toEntity(String.class);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException(
                    "message list answered " + response.getStatusCode().value());
        }
        List<ProviderMessage> found = new ArrayList<>();
        JsonNode messages = json.readTree(response.getBody()).get("messages");
        if (messages != null) {
            messages.forEach(node -> found.add(message(node)));
        }
        return found;
    }

    private static ProviderMessage message(JsonNode node) {
        return new ProviderMessage(
                text(node, "sid"), text(node, "status"), text(node, "body"), instant(text(node, "date_created")));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** Twilio writes RFC 2822 dates ("Thu, 27 Nov 2026 16:40:00 +0000"); ISO-8601 is accepted too. */
    private static @Nullable Instant instant(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static SendOutcome classify(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return new SendOutcome.Retryable("provider unreachable");
            }
            if (cause instanceof HttpTimeoutException) {
                return new SendOutcome.Unknown("provider did not answer in time");
            }
        }
        if (e.getCause() instanceof IOException) {
            return new SendOutcome.Unknown("connection broken after sending");
        }
        return new SendOutcome.Unknown("unexpected " + e.getClass().getSimpleName());
    }

    private @Nullable String field(@Nullable String body, String name) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body).get(name);
            return node == null || node.isNull() ? null : node.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
