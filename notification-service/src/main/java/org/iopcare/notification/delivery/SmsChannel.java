package org.iopcare.notification.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.iopcare.notification.message.Channel;
import org.jspecify.annotations.Nullable;
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

    /** One provider, its breaker and its rate limits. */
    record Provider(TwilioSms api, CircuitBreaker breaker, SendPermits permits) {}

    /** How long a send waits for the next provider's rate once the one before it certainly failed. */
    private static final Duration NEXT_PROVIDER_WAIT = Duration.ofSeconds(2);

    private final List<Provider> providers;

    @Autowired
    SmsChannel(
            SmsProviderProperties primary,
            SmsFallbackProperties fallback,
            BreakerProperties breaker,
            DeliveryProperties delivery,
            JsonMapper json,
            MeterRegistry meters) {
        this(apis(primary, fallback, json), breaker, meters, limits(delivery));
    }

    SmsChannel(List<TwilioSms> apis, BreakerProperties breaker, MeterRegistry meters) {
        this(apis, breaker, meters, api -> SendPermits.UNLIMITED);
    }

    SmsChannel(
            List<TwilioSms> apis,
            BreakerProperties breaker,
            MeterRegistry meters,
            Function<TwilioSms, SendPermits> limits) {
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
            list.add(new Provider(api, registry.circuitBreaker("sms-" + api.name()), limits.apply(api)));
        }
        this.providers = List.copyOf(list);
        // resilience4j.circuitbreaker.state{name, state} and call counters, for operators
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    }

    /**
     * The provider account's rate and its sending number's: two providers sending from the same
     * number share that number's limit.
     */
    private static Function<TwilioSms, SendPermits> limits(DeliveryProperties delivery) {
        Map<String, SendPermits> numbers = new ConcurrentHashMap<>();
        return api -> SendPermits.both(
                TokenBucket.perSecond(delivery.smsPerSecondPerProvider()),
                numbers.computeIfAbsent(api.from(), from -> TokenBucket.perSecond(delivery.smsPerSecondPerSender())));
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

    /** The rate of the provider the next send goes to first: the first one whose breaker lets it try. */
    @Override
    public SendPermits permits() {
        return providers.stream()
                .filter(p -> p.breaker().getState() != CircuitBreaker.State.OPEN)
                .findFirst()
                .orElse(providers.get(0))
                .permits();
    }

    /**
     * The first provider tried uses the permit the dispatcher took before claiming the message;
     * the next one, tried only after a certain failure, waits for a permit of its own.
     */
    @Override
    public SendOutcome send(Outgoing message) {
        SendOutcome last = new SendOutcome.Retryable("every SMS provider's circuit is open");
        boolean paid = true;
        for (Provider provider : providers) {
            if (!provider.breaker().tryAcquirePermission()) {
                continue;
            }
            if (!paid && !provider.permits().await(NEXT_PROVIDER_WAIT)) {
                provider.breaker().releasePermission();
                last = new SendOutcome.Retryable("provider rate limit reached");
                continue;
            }
            paid = false;
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
    Optional<TwilioSms> provider(@Nullable String name) {
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
