package org.iopcare.console;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Every page but the sign-in needs a signed-in staff member. Production signs in through OpenID
 * Connect (registration {@code staff}, configured by {@code spring.security.oauth2.client.*}); the
 * local run, which configures no provider, through the persona page of its tools ({@code
 * deploy/local-tools}, handing over to {@link TokenSignIn}); without either, {@code /sign-in} is not
 * served and no one signs in. CSRF
 * protection is on for every form; the content security policy allows the console's own scripts and
 * styles only; Spring Security's default {@code Cache-Control: no-store} keeps pages with health
 * information out of every cache.
 */
@Configuration
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** Spring Security's path that starts the OpenID Connect sign-in with the {@code staff} provider. */
    static final String OIDC_SIGN_IN = "/oauth2/authorization/" + OidcSignIn.REGISTRATION;

    @Bean
    SecurityFilterChain console(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations)
            throws Exception {
        boolean oidc = registrations.getIfAvailable() != null;
        if (oidc) {
            // the provider's tokens stay in the server-side session, beside the staff member
            OAuth2AuthorizedClientRepository authorizedClients = new HttpSessionOAuth2AuthorizedClientRepository();
            http.oauth2Login(login -> login.authorizedClientRepository(authorizedClients)
                    .successHandler(new OidcSignIn(authorizedClients)));
        }
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/sign-in",
                                "/signed-out",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/actuator/health/**",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint(oidc ? OIDC_SIGN_IN : "/sign-in")))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl(oidc ? "/signed-out" : "/sign-in"))
                .addFilterAfter(new SessionExpiry(), BasicAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /** The roles a staff token may carry, as the services name them. */
    static final List<String> STAFF_ROLES = List.of(
            "INTAKE_COORDINATOR", "SCHEDULER", "CLINICIAN", "CLINICAL_SUPERVISOR", "PROGRAM_ADMIN", "PRIVACY_OFFICER");
}
