package org.iopcare.notification.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iopcare.notification.delivery.SmsFallbackProperties;
import org.iopcare.notification.delivery.SmsProviderProperties;
import org.iopcare.support.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The webhooks are open to the provider without a token; the provider's signature guards them. */
@Configuration(proxyBeanMethods = false)
class SmsWebhookConfiguration {

    @Bean
    PublicEndpoints smsWebhookEndpoints() {
        return PublicEndpoints.of(HttpMethod.POST, "/api/sms/inbound", "/api/sms/status");
    }

    @Bean
    SmsWebhookSignature smsWebhookSignature(SmsProviderProperties provider, SmsFallbackProperties fallback) {
        List<TwilioSignature> signatures = new ArrayList<>();
        signatures.add(new TwilioSignature(provider.authToken()));
        if (fallback.enabled()
                && fallback.authToken() != null
                && !fallback.authToken().isBlank()) {
            signatures.add(new TwilioSignature(fallback.authToken()));
        }
        return new SmsWebhookSignature(List.copyOf(signatures));
    }
}

/** The signatures the configured providers put on their webhooks (the second provider's too). */
record SmsWebhookSignature(List<TwilioSignature> signatures) {

    boolean matches(String url, Map<String, String> params, String signed) {
        return signatures.stream().anyMatch(s -> s.matches(url, params, signed));
    }
}
