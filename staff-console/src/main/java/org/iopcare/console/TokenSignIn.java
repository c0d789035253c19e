package org.iopcare.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a staff member in on the browser session from an authentication another sign-in made: its
 * name is the staff id, its authorities the staff roles ({@code ROLE_…}), its credentials the
 * {@link OAuth2AccessToken} for the services and its details the title to greet them with. The
 * local run's persona sign-in ({@code deploy/local-tools}, no part of this jar) hands its tokens
 * here; production signs in through OpenID Connect ({@link OidcSignIn}). A new session id (no
 * fixation) holds the token server-side only; the browser goes to My work.
 */
@Component
class TokenSignIn implements AuthenticationSuccessHandler {

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        if (!authentication.isAuthenticated()
                || !(authentication.getCredentials() instanceof OAuth2AccessToken token)
                || token.getExpiresAt() == null) {
            throw new IllegalArgumentException("a sign-in hands over an authenticated staff member and their token");
        }
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .filter(SecurityConfiguration.STAFF_ROLES::contains)
                .toList();
        Object title = authentication.getDetails();
        request.getSession().invalidate();
        request.getSession(true)
                .setAttribute(
                        SignedIn.SESSION_ATTRIBUTE,
                        new SignedIn(
                                authentication.getName(),
                                title == null ? authentication.getName() : title.toString(),
                                roles,
                                token.getTokenValue(),
                                token.getExpiresAt()));
        // the security context keeps who and which roles, not the token
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                authentication.getName(), null, authentication.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        response.sendRedirect(request.getContextPath() + "/");
    }
}
