package org.iopcare.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;

/**
 * The local run's sign-in: the page offers the configured staff personas; choosing one mints a token
 * through intake's {@code /dev/tokens} (served by the local run only) and signs the browser session
 * in. Production signs in through OpenID Connect instead.
 */
@Controller
@Profile("local")
class LocalSignIn {

    private final ConsoleProperties properties;
    private final RestClient intake;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    LocalSignIn(ConsoleProperties properties, RestClient.Builder http) {
        this.properties = properties;
        this.intake = http.baseUrl(properties.intake().toString()).build();
    }

    record MintedToken(String token, Instant expiresAt) {}

    @GetMapping("/sign-in")
    String page(Model model) {
        model.addAttribute("personas", properties.personas());
        return "sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam String staffId, HttpServletRequest request, HttpServletResponse response, Model model) {
        ConsoleProperties.Persona persona = properties.personas().stream()
                .filter(p -> p.staffId().equals(staffId))
                .findFirst()
                .orElse(null);
        if (persona == null) {
            model.addAttribute("personas", properties.personas());
            model.addAttribute("error", "Choose one of the staff members listed.");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "sign-in";
        }
        MintedToken minted = intake.post()
                .uri("/dev/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("subject", persona.staffId(), "roles", persona.roles()))
                .retrieve()
                .body(MintedToken.class);
        // a new session id on sign-in (no fixation), holding the token server-side only
        request.getSession().invalidate();
        request.getSession(true)
                .setAttribute(
                        SignedIn.SESSION_ATTRIBUTE,
                        new SignedIn(
                                persona.staffId(),
                                persona.title(),
                                List.copyOf(persona.roles()),
                                minted.token(),
                                minted.expiresAt()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                persona.staffId(),
                null,
                persona.roles().stream()
                        .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                        .toList()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/";
    }
}
