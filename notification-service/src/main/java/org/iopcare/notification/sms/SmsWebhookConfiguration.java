package org.iopcare.notification.sms;

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
    SmsWebhookSignature smsWebhookSignature(SmsProviderProperties provider) {
        return new SmsWebhookSignature(new TwilioSignature(provider.authToken()));
    }
}

/** The signature that the configured provider puts on its webhooks. */
record SmsWebhookSignature(TwilioSignature signature) {}
