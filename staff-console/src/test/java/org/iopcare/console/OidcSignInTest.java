package org.iopcare.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Production sign-in: with the {@code staff} OpenID provider configured, a page sends the browser to
 * the provider's authorization endpoint (authorization code flow, the console's client id, the
 * {@code openid} scope and a state), and the persona page of the local run does not exist.
 */
class OidcSignInTest {

    @Test
    void theRolesForTheMenusAreTheStaffRolesOfTheAccessTokensRolesClaim() {
        String claims = "{\"sub\":\"k.lindqvist\",\"roles\":[\"CLINICAL_SUPERVISOR\",\"offline_access\"]}";
        String token =
                "e30." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                        + ".c2ln";

        assertThat(OidcSignIn.roles(token)).containsExactly("CLINICAL_SUPERVISOR");
        assertThat(OidcSignIn.roles("opaque-token")).isEmpty();
        assertThat(OidcSignIn.roles("a.%%%.c")).isEmpty();
    }

    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "spring.security.oauth2.client.registration.staff.client-id=iopcare-console",
                "spring.security.oauth2.client.registration.staff.client-secret=not-a-real-secret",
                "spring.security.oauth2.client.registration.staff.scope=openid,profile,email",
                "spring.security.oauth2.client.registration.staff.authorization-grant-type=authorization_code",
                "spring.security.oauth2.client.registration.staff.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                "spring.security.oauth2.client.provider.staff.authorization-uri=https://login.clinic.example/authorize",
                "spring.security.oauth2.client.provider.staff.token-uri=https://login.clinic.example/token",
                "spring.security.oauth2.client.provider.staff.jwk-set-uri=https://login.clinic.example/jwks",
                "spring.security.oauth2.client.provider.staff.user-name-attribute=sub"
            })
    class WithAnOpenIdProvider {

        @LocalServerPort
        int port;

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        @Test
        void aPageSendsTheBrowserToTheProvidersSignIn() throws Exception {
            HttpResponse<String> page = get("/");
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(page.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith(SecurityConfiguration.OIDC_SIGN_IN));

            HttpResponse<String> start = get(SecurityConfiguration.OIDC_SIGN_IN);

            assertThat(start.statusCode()).isEqualTo(302);
            String authorize = start.headers().firstValue("Location").orElseThrow();
            assertThat(authorize)
                    .startsWith("https://login.clinic.example/authorize?")
                    .contains("response_type=code", "client_id=iopcare-console", "scope=openid", "state=");
        }

        @Test
        void theLocalRunsPersonaPageIsNotServed() throws Exception {
            assertThat(get("/sign-in").statusCode()).isNotEqualTo(200);
        }

        private HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
