package org.iopcare.intake.config;

import org.iopcare.support.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class IntakeEndpoints {

    /** The inquiry form is public; everything else in intake needs a staff token. */
    @Bean
    PublicEndpoints inquiryForm() {
        return PublicEndpoints.of(HttpMethod.POST, "/api/inquiries");
    }
}
