package org.iopcare.support.security;

import java.time.Clock;
import java.util.List;
import org.iopcare.support.production.ProductionGuard;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deny by default: every request needs a staff token with one of the staff roles, except health
 * probes, metrics, the API description (outside production) and what a service declares in
 * {@link PublicEndpoints}. Finer rules per endpoint use {@code @PreAuthorize}. In production the
 * Actuator endpoints are on the management port only (docs/adr/0003).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(JwtProperties.class)
public class SecurityConfiguration {

    private static final String[] OPEN = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error"
    };

    /**
     * Open in the local run and tests. The prod profile switches the API description off
     * (ProductionDefaults); should an operator switch it back on, it needs a staff token.
     */
    private static final String[] API_DESCRIPTION = {
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"
    };

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(JsonMapper json) {
        return new ProblemSecurityHandlers(json);
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            List<PublicEndpoints> publicEndpoints,
            ProblemSecurityHandlers problems,
            Environment environment)
            throws Exception {
        boolean apiDescriptionOpen = !environment.matchesProfiles(ProductionGuard.PROFILE);
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(roles);

        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(OPEN).permitAll();
                    if (apiDescriptionOpen) {
                        auth.requestMatchers(API_DESCRIPTION).permitAll();
                    }
                    publicEndpoints.stream()
                            .flatMap(p -> p.endpoints().stream())
                            .forEach(e -> auth.requestMatchers(e.method(), e.pattern())
                                    .permitAll());
                    auth.anyRequest().hasAnyRole(StaffRole.names());
                })
                .oauth2ResourceServer(o -> o.jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties, Clock clock) {
        if (properties.issuerUri() != null && !properties.issuerUri().isBlank()) {
            NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(properties.issuerUri());
            decoder.setJwtValidator(StaffTokenValidators.of(properties.issuerUri(), properties, clock));
            return decoder;
        }
        if (properties.publicKeyLocation() == null) {
            throw new IllegalStateException(
                    "Set iopcare.security.jwt.issuer-uri (identity provider) or iopcare.security.jwt.public-key-location (PEM)");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(PemKeys.publicKey(properties.publicKeyLocation()))
                .build();
        decoder.setJwtValidator(StaffTokenValidators.of(properties.issuer(), properties, clock));
        return decoder;
    }

    @Bean
    @Profile("!local")
    FilterRegistrationBean<LocalOnlyPaths> localOnlyPaths(ProblemSecurityHandlers problems) {
        FilterRegistrationBean<LocalOnlyPaths> registration =
                new FilterRegistrationBean<>(new LocalOnlyPaths(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
