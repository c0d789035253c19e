package org.iopcare.notification.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.iopcare.notification.message.Channel;
import org.iopcare.testports.TestPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Ordered SMS providers behind circuit breakers: failover only on certain failures; the breaker opens on 5xx. */
class SmsChannelTest {

    private static final String PATH = "/2010-04-01/Accounts/ACx/Messages.json";
    private static final WireMockServer primary = new WireMockServer(options().dynamicPort());
    private static final WireMockServer fallback = new WireMockServer(options().dynamicPort());
    private static final BreakerProperties BREAKER = new BreakerProperties(50, 4, 4, Duration.ofMinutes(1));

    @BeforeAll
    static void start() {
        primary.start();
        fallback.start();
    }

    @AfterAll
    static void stop() {
        primary.stop();
        fallback.stop();
    }

    @BeforeEach
    void reset() {
        primary.resetAll();
        fallback.resetAll();
        fallback.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SMfallback\"}")));
    }

    private static TwilioSms api(String name, String baseUrl, Duration readTimeout) {
        return new TwilioSms(
                name,
                new SmsProviderProperties(
                        URI.create(baseUrl), "ACx", "token", "+15550100199", null, Duration.ofSeconds(1), readTimeout),
                JsonMapper.builder().build());
    }

    private static SmsChannel channel(String primaryUrl, Duration readTimeout) {
        return new SmsChannel(
                List.of(api("primary", primaryUrl, readTimeout), api("fallback", fallback.baseUrl(), readTimeout)),
                BREAKER,
                new SimpleMeterRegistry());
    }

    private static Outgoing sms() {
        return new Outgoing(UUID.randomUUID(), Channel.SMS, "+15551234567", "s", "Hello");
    }

    private static int sent(WireMockServer server) {
        return server.findAll(postRequestedFor(urlPathEqualTo(PATH))).size();
    }

    @Test
    void aRefusedConnectionGoesToTheSecondProvider() throws IOException {
        // reserved and never bound: a connection to it is refused
        int closed = TestPorts.reserve();
        SendOutcome outcome =
                channel("http://127.0.0.1:" + closed, Duration.ofSeconds(5)).send(sms());
        assertThat(outcome).isEqualTo(new SendOutcome.Accepted("SMfallback", "fallback"));
    }

    @Test
    void aServerErrorBeforeAcceptanceGoesToTheSecondProvider() {
        primary.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        assertThat(channel(primary.baseUrl(), Duration.ofSeconds(5)).send(sms()))
                .isEqualTo(new SendOutcome.Accepted("SMfallback", "fallback"));
        assertThat(sent(primary)).isEqualTo(1);
    }

    @Test
    void aRefusalOrATimeoutNeverGoesToTheSecondProvider() {
        primary.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(400).withBody("{\"code\":21211}")));
        assertThat(channel(primary.baseUrl(), Duration.ofSeconds(5)).send(sms()))
                .isEqualTo(new SendOutcome.Rejected("provider status 400, code 21211"));
        primary.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withBody("{\"sid\":\"SMlate\"}")
                        .withFixedDelay(1500)));
        assertThat(channel(primary.baseUrl(), Duration.ofMillis(500)).send(sms()))
                .isInstanceOf(SendOutcome.Unknown.class);
        assertThat(sent(fallback)).isZero();
    }

    @Test
    void repeatedServerErrorsOpenTheBreakerAndNoRequestReachesTheProviderWhileOpen() {
        primary.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
        SmsChannel single = new SmsChannel(
                List.of(api("primary", primary.baseUrl(), Duration.ofSeconds(5))), BREAKER, new SimpleMeterRegistry());
        for (int i = 0; i < 4; i++) {
            assertThat(single.send(sms())).isEqualTo(new SendOutcome.Retryable("provider status 500"));
        }
        assertThat(single.available()).isFalse();
        assertThat(single.send(sms())).isEqualTo(new SendOutcome.Retryable("every SMS provider's circuit is open"));
        assertThat(sent(primary)).isEqualTo(4);
    }

    @Test
    void withTheFirstBreakerOpenTheSecondProviderTakesEveryMessage() {
        primary.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(502)));
        SmsChannel channel = channel(primary.baseUrl(), Duration.ofSeconds(5));
        for (int i = 0; i < 6; i++) {
            assertThat(channel.send(sms())).isEqualTo(new SendOutcome.Accepted("SMfallback", "fallback"));
        }
        assertThat(channel.available()).isTrue();
        assertThat(sent(primary)).isEqualTo(4);
        assertThat(sent(fallback)).isEqualTo(6);
    }
}
