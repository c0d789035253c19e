package org.iopcare.notification.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.iopcare.notification.message.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How the SMS sender classifies the provider's answers. */
class TwilioSmsTest {

    private static final WireMockServer provider = new WireMockServer(options().dynamicPort());
    private static final String PATH = "/2010-04-01/Accounts/ACx/Messages.json";

    @BeforeAll
    static void start() {
        provider.start();
    }

    @AfterAll
    static void stop() {
        provider.stop();
    }

    private SendOutcome send() {
        // generous: the first request to a cold WireMock on a busy machine can take over a second
        return send(Duration.ofSeconds(5));
    }

    private SendOutcome send(Duration readTimeout) {
        TwilioSms sms = new TwilioSms(
                new SmsProviderProperties(
                        URI.create(provider.baseUrl()),
                        "ACx",
                        "token",
                        "+15550100199",
                        null,
                        Duration.ofSeconds(1),
                        readTimeout),
                JsonMapper.builder().build());
        return sms.send(new Outgoing(UUID.randomUUID(), Channel.SMS, "+15551234567", "s", "Hello"));
    }

    @Test
    void classifiesAcceptanceRefusalServerErrorAndTimeout() {
        provider.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM1\"}")));
        assertThat(send()).isEqualTo(new SendOutcome.Accepted("SM1", "primary"));
        provider.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(400).withBody("{\"code\":21211,\"message\":\"bad +15551234567\"}")));
        assertThat(send()).isEqualTo(new SendOutcome.Rejected("provider status 400, code 21211"));
        provider.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        assertThat(send()).isEqualTo(new SendOutcome.Retryable("provider status 503"));
        provider.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withBody("{\"sid\":\"SM2\"}")
                        .withFixedDelay(1500)));
        assertThat(send(Duration.ofMillis(500))).isInstanceOf(SendOutcome.Unknown.class);
    }
}
