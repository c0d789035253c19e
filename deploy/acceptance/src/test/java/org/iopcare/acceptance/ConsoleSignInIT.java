package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.iopcare.acceptance.console.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The staff console in a real browser on the suite's platform: a person who is not signed in gets
 * the sign-in page, picks one of the local run's staff members and lands on "My work", merged from
 * the four services; the pages are kept out of caches, carry the content security policy and pass
 * axe-core's WCAG 2.1 A and AA rules; signing out ends the session.
 */
class ConsoleSignInIT {

    private static final String DANA = "Dana Whitfield, intake coordinator";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static AcceptancePlatform platform;
    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        platform = AcceptancePlatform.get();
        long begin = System.nanoTime();
        browser = Browser.start(platform.consoleUrl);
        System.out.printf("[console] browser started in %.1f s%n", (System.nanoTime() - begin) / 1e9);
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void aStaffMemberSignsInAsALocalPersonaSeesTheirWorkAndSignsOut() throws Exception {
        browser.open("/");
        assertThat(browser.path()).as("a page before signing in").isEqualTo("/sign-in");
        assertThat(heading()).isEqualTo("Sign in");
        assertThat(browser.driver().findElements(By.cssSelector("fieldset label")))
                .extracting(WebElement::getText)
                .contains(
                        DANA,
                        "Tomas Ferreira, scheduler",
                        "Ngozi Okafor, clinician",
                        "Luis Reyes, clinician",
                        "Karin Lindqvist, clinical supervisor",
                        "Pat Moreno, program administrator",
                        "Samir Haddad, privacy officer");
        browser.screenshot("01-sign-in");

        signInAs(DANA);

        assertThat(browser.path()).isEqualTo("/");
        assertThat(heading()).isEqualTo("My work");
        assertThat(browser.driver().findElement(By.tagName("header")).getText()).contains(DANA);
        // all four services answered: the console was told where this run's services are
        assertThat(browser.driver().findElements(By.cssSelector(".warning")))
                .extracting(WebElement::getText)
                .isEmpty();
        browser.screenshot("02-my-work");

        // the signed-in page, fetched with the browser's session: no cache may keep it
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(session).as("the session cookie").isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        HttpResponse<String> myWork = get("/", "JSESSIONID=" + session.getValue());
        assertThat(myWork.statusCode()).isEqualTo(200);
        assertThat(myWork.body()).contains("My work");
        assertThat(header(myWork, "Cache-Control")).contains("no-store");
        assertThat(header(myWork, "Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");

        browser.clickAndAwaitNextPage(browser.driver().findElement(By.xpath("//button[normalize-space()='Sign out']")));
        assertThat(browser.path()).isEqualTo("/sign-in");
        browser.open("/");
        assertThat(browser.path()).as("My work after signing out").isEqualTo("/sign-in");
        assertThat(get("/", "JSESSIONID=" + session.getValue()).statusCode())
                .as("the signed-out session")
                .isEqualTo(302);
    }

    @Test
    void theSignInPageAndMyWorkMeetWcag21LevelAa() {
        browser.open("/sign-in");
        assertThat(browser.axe()).as("axe-core on the sign-in page").isEmpty();

        signInAs(DANA);
        assertThat(heading()).isEqualTo("My work");
        assertThat(browser.axe()).as("axe-core on My work").isEmpty();
    }

    @Test
    void withoutASessionEveryPageRedirectsToTheSignIn() throws Exception {
        HttpResponse<String> home = get("/", null);
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(header(home, "Location")).endsWith("/sign-in");

        HttpResponse<String> signIn = get("/sign-in", null);
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(header(signIn, "Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'");
        assertThat(header(signIn, "Cache-Control")).contains("no-store");
    }

    /** Picks the staff member by the name the sign-in page shows and submits. */
    private static void signInAs(String title) {
        browser.open("/sign-in");
        browser.driver()
                .findElement(By.xpath("//label[normalize-space()='" + title + "']"))
                .click();
        browser.clickAndAwaitNextPage(browser.driver().findElement(By.xpath("//button[normalize-space()='Sign in']")));
    }

    private static String heading() {
        return browser.driver().findElement(By.tagName("h1")).getText();
    }

    private static HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.consoleUrl + path))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        List<String> values = response.headers().allValues(name);
        assertThat(values).as("%s of %s", name, response.uri()).isNotEmpty();
        return String.join(", ", values);
    }
}
