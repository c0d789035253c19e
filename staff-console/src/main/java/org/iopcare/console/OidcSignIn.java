package org.iopcare.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Production sign-in: after the OpenID provider signed the staff member in, the access token it
 * issued for the services is kept in the server-side session ({@link SignedIn}); the browser holds
 * only the session cookie. Their roles are the token's {@code roles} claim, as the services read it
 * (the console reads the claim for its menus only; the services verify the token).
 */
class OidcSignIn implements AuthenticationSuccessHandler {

    static final String REGISTRATION = "staff";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OAuth2AuthorizedClientRepository authorizedClients;

    OidcSignIn(OAuth2AuthorizedClientRepository authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OAuth2AuthenticationToken signedIn = (OAuth2AuthenticationToken) authentication;
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(
                signedIn.getAuthorizedClientRegistrationId(), authentication, request);
        OAuth2AccessToken token = client.getAccessToken();
        OAuth2User user = signedIn.getPrincipal();
        Object name = user.getAttribute("name");
        request.getSession(true)
                .setAttribute(
                        SignedIn.SESSION_ATTRIBUTE,
                        new SignedIn(
                                user.getName(),
                                name == null ? user.getName() : name.toString(),
                                roles(token.getTokenValue()),
                                token.getTokenValue(),
                                token.getExpiresAt() == null ? Instant.now().plusSeconds(900) : token.getExpiresAt()));
        response.sendRedirect(request.getContextPath() + "/");
    }

    /** The staff roles of a JWT access token's {@code roles} claim; none when it is not a JWT. */
    static List<String> roles(String accessToken) {
        String[] parts = accessToken.split("\\.");
        List<String> roles = new ArrayList<>();
        if (parts.length != 3) {
            return roles;
        }
        try {
            JsonNode claims =
                    JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            claims.path("roles").forEach(role -> {
                if (SecurityConfiguration.STAFF_ROLES.contains(role.asString())) {
                    roles.add(role.asString());
                }
            });
        } catch (RuntimeException e) {
            // not a readable JWT: no roles for the menus; the services decide on every call anyway
        }
        return roles;
    }
}
