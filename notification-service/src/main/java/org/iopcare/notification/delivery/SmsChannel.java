package org.iopcare.notification.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iopcare.notification.message.Channel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through the configured providers in order, each behind its own circuit breaker. A provider
 * is skipped while its breaker is open; the next one is tried only after a certain failure
 * ({@link SendOutcome.Retryable}: refused connection, connect timeout, 429, 5xx). An acceptance,
 * a refusal of the message or an ambiguous outcome ({@link SendOutcome.Unknown}) ends the send:
 * handing an ambiguous message to a second provider could deliver it twice.
 */
@Component
class SmsChannel implements ChannelSender {

    /** One provider and its breaker. */
    record Provider(TwilioSms api, CircuitBreaker breaker) {}

    private final List<Provider> providers;

    @Autowired
    SmsChannel(
            SmsProviderProperties primary,
            SmsFallbackProperties fallback,
            BreakerProperties breaker,
            JsonMapper json,
            MeterRegistry meters) {
        this(apis(primary, fallback, json), breaker, meters);
    }

    SmsChannel(List<TwilioSms> apis, BreakerProperties breaker, MeterRegistry meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
        List<Provider> list = new ArrayList<>();
        for (TwilioSms api : apis) {
            list.add(new Provider(api, registry.circuitBreaker("sms-" + api.name())));
        }
        this.providers = List.copyOf(list);
        // resilience4j.circuitbreaker.state{name, state} and call counters, for operators
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    }

    private static List<TwilioSms> apis(
            SmsProviderProperties primary, SmsFallbackProperties fallback, JsonMapper json) {
        List<TwilioSms> apis = new ArrayList<>();
        apis.add(new TwilioSms("primary", primary, json));
        if (fallback.enabled()) {
            apis.add(new TwilioSms("fallback", fallback.provider(primary.statusCallbackUrl()), json));
        }
        return apis;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean available() {
        return providers.stream().anyMatch(p -> p.breaker().getState() != CircuitBreaker.State.OPEN);
    }

    @Override
    public SendOutcome send(Outgoing message) {
        SendOutcome last = new SendOutcome.Retryable("every SMS provider's circuit is open");
        for (Provider provider : providers) {
            if (!provider.breaker().tryAcquirePermission()) {
                continue;
            }
            long start = System.nanoTime();
            SendOutcome outcome = provider.api().send(message);
            long took = System.nanoTime() - start;
            if (outcome instanceof SendOutcome.Retryable) {
                provider.breaker().onError(took, java.util.concurrent.TimeUnit.NANOSECONDS, new ProviderFailure());
                last = outcome;
                continue;
            }
            provider.breaker().onSuccess(took, java.util.concurrent.TimeUnit.NANOSECONDS);
            return outcome;
        }
        return last;
    }

    /** The provider that accepted a message, by name; empty when it is no longer configured. */
    Optional<TwilioSms> provider(String name) {
        return providers.stream()
                .map(Provider::api)
                .filter(api -> api.name().equals(name == null ? "primary" : name))
                .findFirst();
    }

    List<TwilioSms> apis() {
        return providers.stream().map(Provider::api).toList();
    }

    /** A certain provider failure, as the breaker counts it; carries no message data. */
    static final class ProviderFailure extends RuntimeException {
        ProviderFailure() {
            super("provider failed", null, false, false);
        }
    }
}
