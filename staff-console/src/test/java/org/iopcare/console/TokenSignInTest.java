package org.iopcare.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * A sign-in handed over (the local run's persona sign-in): a new session holds the staff member and
 * their token, the security context names them without the token, and the browser goes to My work.
 */
class TokenSignInTest {

    private static final Instant EXPIRES = Instant.parse("2026-12-07T22:00:00Z");

    @AfterEach
    void noOneStaysSignedInOnThisThread() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theHandedOverTokenIsKeptInANewSessionAndTheBrowserGoesToMyWork() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpSession before = new MockHttpSession();
        request.setSession(before);
        MockHttpServletResponse response = new MockHttpServletResponse();
        UsernamePasswordAuthenticationToken staff = UsernamePasswordAuthenticationToken.authenticated(
                "intake-dana",
                new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER, "minted", EXPIRES.minusSeconds(3600), EXPIRES),
                List.of(
                        new SimpleGrantedAuthority("ROLE_INTAKE_COORDINATOR"),
                        new SimpleGrantedAuthority("ROLE_ROOT")));
        staff.setDetails("Dana Whitfield, intake coordinator");

        new TokenSignIn().onAuthenticationSuccess(request, response, staff);

        assertThat(before.isInvalid()).as("no session fixation").isTrue();
        SignedIn signedIn = SignedIn.of(request.getSession(false));
        assertThat(signedIn)
                .isEqualTo(new SignedIn(
                        "intake-dana",
                        "Dana Whitfield, intake coordinator",
                        List.of("INTAKE_COORDINATOR"),
                        "minted",
                        EXPIRES));
        SecurityContext context = (SecurityContext) request.getSession(false)
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context.getAuthentication().getName()).isEqualTo("intake-dana");
        assertThat(context.getAuthentication().getCredentials()).isNull();
        assertThat(response.getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void anAuthenticationWithoutATokenSignsNoOneIn() {
        MockHttpServletRequest request = new MockHttpServletRequest();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenSignIn()
                        .onAuthenticationSuccess(
                                request,
                                new MockHttpServletResponse(),
                                UsernamePasswordAuthenticationToken.authenticated("mallory", "password", List.of())));
        assertThat(request.getSession(false)).isNull();
    }
}
