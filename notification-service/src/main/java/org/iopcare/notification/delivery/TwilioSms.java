package org.iopcare.notification.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.iopcare.notification.message.Channel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through a Twilio-compatible API: {@code POST {base}/2010-04-01/Accounts/{sid}/Messages.json},
 * form-encoded, basic auth. 2xx with a sid is accepted; 429 and 5xx, a refused connection or a
 * connect timeout are certain failures (retried); other 4xx are refusals (an invalid number is
 * undeliverable); a timeout or broken connection after the request went out is UNKNOWN.
 */
@Component
class TwilioSms implements ChannelSender {

    private final SmsProviderProperties properties;
    private final RestClient client;
    private final JsonMapper json;

    TwilioSms(SmsProviderProperties properties, JsonMapper json) {
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

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendOutcome send(Outgoing message) {
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
            return sid == null ? new SendOutcome.Unknown("accepted without a sid") : new SendOutcome.Accepted(sid);
        }
        if (status == 429 || status >= 500) {
            return new SendOutcome.Retryable("provider status " + status);
        }
        // only the provider's error code: its message text may quote the number
        String code = field(response.getBody(), "code");
        return new SendOutcome.Rejected("provider status " + status + (code == null ? "" : ", code " + code));
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

    private String field(String body, String name) {
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
