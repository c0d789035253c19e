package org.iopcare.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's own rules over real HTTP, before any service is asked: every page but the sign-in
 * needs a session, pages carry the content security policy and {@code no-store}, forms need the
 * CSRF token, the session cookie is HttpOnly and SameSite=Lax, and only a listed persona signs
 * in (the persona sign-in of the local run's tools, on the test classpath). (Signing in and every
 * workflow against the running services are proven in a real browser by the acceptance suite's
 * console tests.)
 */
class ConsoleSecurityTest extends ConsoleWebSlice {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void everyPageButTheSignInNeedsASignedInStaffMember() throws Exception {
        for (String page : new String[] {
            "/", "/inquiries", "/clients", "/groups", "/tracks", "/clients/x", "/notes/x", "/clients/x/cosignatures"
        }) {
            HttpResponse<String> answer = get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location"))
                    .as(page)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));
        }
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndAreNeverCached() throws Exception {
        HttpResponse<String> signIn = get("/sign-in");

        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Content-Security-Policy"))
                .hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(signIn.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(signIn.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(signIn.body()).doesNotContain("<script>").doesNotContain("style=\"");
    }

    @Test
    void theSignInPageOffersTheLocalRunsStaffAndRefusesAnyoneElse() throws Exception {
        HttpResponse<String> page = get("/sign-in");
        assertThat(page.body()).contains("Dana Whitfield, intake coordinator", "Ngozi Okafor, clinician");

        HttpResponse<String> stranger = post("/sign-in", "staffId=mallory&_csrf=" + csrf(page.body()));

        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(stranger.body()).contains("Choose one of the staff members listed.");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() throws Exception {
        get("/sign-in");

        HttpResponse<String> forged = post("/sign-in", "staffId=intake-dana");

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> page = get("/sign-in");

        assertThat(page.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("the form carries a CSRF token").isTrue();
        return matcher.group(1);
    }
}
