package org.iopcare.localtools.devtokens;

import org.iopcare.support.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
@Profile("local")
class DevTokenEndpoints {

    @Bean
    PublicEndpoints devTokens() {
        return PublicEndpoints.of(HttpMethod.POST, "/dev/tokens");
    }
}
