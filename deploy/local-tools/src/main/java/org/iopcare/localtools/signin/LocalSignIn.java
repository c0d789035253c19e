package org.iopcare.localtools.signin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;

/**
 * The local run's sign-in to the staff console: the page offers the configured staff personas;
 * choosing one mints a token at intake's {@code /dev/tokens} (served by the local run only) and
 * hands it to the console's sign-in ({@link AuthenticationSuccessHandler}), which keeps it in the
 * server-side session as it does a token from the OpenID provider: an authenticated staff member
 * whose credentials are the {@link OAuth2AccessToken} for the services and whose details are the
 * title the console greets them with.
 */
@Controller
class LocalSignIn {

    private final LocalSignInProperties properties;
    private final RestClient intake;
    private final AuthenticationSuccessHandler console;

    LocalSignIn(LocalSignInProperties properties, RestClient.Builder http, AuthenticationSuccessHandler console) {
        this.properties = properties;
        this.intake = http.baseUrl(properties.intake().toString()).build();
        this.console = console;
    }

    record MintedToken(String token, Instant expiresAt) {}

    @GetMapping("/sign-in")
    String page(Model model) {
        model.addAttribute("personas", properties.personas());
        return "sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam String staffId, HttpServletRequest request, HttpServletResponse response, Model model)
            throws IOException, ServletException {
        Optional<LocalSignInProperties.Persona> chosen = properties.personas().stream()
                .filter(p -> p.staffId().equals(staffId))
                .findFirst();
        if (chosen.isEmpty()) {
            model.addAttribute("personas", properties.personas());
            model.addAttribute("error", "Choose one of the staff members listed.");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "sign-in";
        }
        LocalSignInProperties.Persona persona = chosen.get();
        MintedToken minted = intake.post()
                .uri("/dev/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("subject", persona.staffId(), "roles", persona.roles()))
                .retrieve()
                .body(MintedToken.class);
        if (minted == null) {
            throw new IllegalStateException("intake's token desk answered without a token");
        }
        UsernamePasswordAuthenticationToken staff = UsernamePasswordAuthenticationToken.authenticated(
                persona.staffId(),
                new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER, minted.token(), Instant.now(), minted.expiresAt()),
                persona.roles().stream()
                        .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                        .toList());
        staff.setDetails(persona.title());
        console.onAuthenticationSuccess(request, response, staff);
        return null;
    }
}
