package org.iopcare.acceptance.console;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser on the staff console: headless Chromium through ChromeDriver, the way a member of
 * staff sees the pages (CSP, cookies, the rendered layout), with axe-core's accessibility rules at
 * hand. Debian's {@code chromium} and {@code chromium-driver} where they are installed (.ci/run
 * installs them), else whatever Chrome Selenium Manager finds (a GitHub runner's). No browser is a
 * failure, never a skip: the console's pages would go untested.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Where screenshots go, under the module's target/ (failsafe runs in the module's folder). */
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    /** The success criteria of WCAG 2.1, levels A and AA. */
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final String baseUrl;
    private final WebDriver driver;

    private Browser(String baseUrl, WebDriver driver) {
        this.baseUrl = baseUrl;
        this.driver = driver;
    }

    /** Starts a browser for the site at {@code baseUrl} (e.g. {@code http://127.0.0.1:18080}). */
    public static Browser start(String baseUrl) {
        ChromeOptions options = new ChromeOptions();
        options.addArguments("--headless=new", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US");
        if ("root".equals(System.getProperty("user.name"))) {
            // Chromium's sandbox refuses to run as root (a container's CI user)
            options.addArguments("--no-sandbox");
        }
        boolean debian = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        try {
            if (debian) {
                options.setBinary(CHROMIUM.toFile());
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        // the browser shows times in the zone the test expects them in
                        .withEnvironment(Map.of("TZ", timeZone()))
                        .build();
                return new Browser(baseUrl, new ChromeDriver(service, options));
            }
            return new Browser(baseUrl, new ChromeDriver(options));
        } catch (WebDriverException e) {
            throw new IllegalStateException(
                    "No browser could start for the staff console's tests ("
                            + (debian ? CHROMIUM + " with " + CHROMEDRIVER : "Selenium Manager found no usable Chrome")
                            + "). Install Debian's chromium and chromium-driver (.ci/run does): "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }

    private static String timeZone() {
        String tz = System.getenv("TZ");
        return tz != null && !tz.isBlank() ? tz : ZoneId.systemDefault().getId();
    }

    /** Opens {@code path} of the site (e.g. {@code /sign-in}). */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    /** The path of the page shown now, without the query. */
    /** Clicks what loads a new page (every button and link of the console) and waits until it replaced this one. */
    public void clickAndAwaitNextPage(WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ignored -> isGone(page));
    }

    /**
     * Whether the page an element belonged to has been replaced. Chromium answers a question about
     * an element of a page being replaced either as stale or as a node that "does not belong to the
     * document"; both mean the next page is there or on its way.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Saves what the browser shows as {@code target/console-screenshots/<name>.png}. */
    public Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * The WCAG 2.1 A and AA violations axe-core finds on the page shown now, one line each: rule,
     * impact, the selectors of the elements and what to fix, so that a failed assertion says it all.
     */
    public List<String> axe() {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core could not check " + path() + ": " + results.getErrorMessage());
        }
        List<String> violations = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                String why = node.getFailureSummary() == null
                        ? rule.getHelp()
                        : node.getFailureSummary().replaceAll("\\s+", " ").strip();
                violations.add(rule.getId() + " (" + rule.getImpact() + ") at " + node.getTarget() + " "
                        + node.getHtml() + ": " + why);
            }
        }
        return violations;
    }

    public void quit() {
        driver.quit();
    }

    @Override
    public void close() {
        quit();
    }
}
