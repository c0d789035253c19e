package org.iopcare.localtools.sandbox;

import java.util.List;
import org.iopcare.support.security.PublicEndpoints;
import org.iopcare.support.security.PublicEndpoints.Endpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;

/**
 * The sandbox is open without a token, in the local run only (elsewhere {@code /sandbox/**} is a
 * 404 before authentication). The fake provider checks the account's basic auth itself.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class SandboxEndpoints {

    @Bean
    PublicEndpoints sandboxPaths() {
        return new PublicEndpoints(List.of(
                new Endpoint(HttpMethod.POST, "/sandbox/sms/provider/**"),
                // the provider's status lookup and message list (basic auth checked by the sandbox itself)
                new Endpoint(HttpMethod.GET, "/sandbox/sms/provider/**"),
                // chaos on demand: the sandbox provider's fault shares
                new Endpoint(HttpMethod.PUT, "/sandbox/sms/provider/faults"),
                new Endpoint(HttpMethod.POST, "/sandbox/sms/reply"),
                new Endpoint(HttpMethod.GET, "/sandbox/sms"),
                new Endpoint(HttpMethod.GET, "/sandbox/email")));
    }
}
