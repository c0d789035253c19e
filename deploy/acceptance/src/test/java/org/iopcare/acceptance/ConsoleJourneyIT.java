package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iopcare.acceptance.Journey.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iopcare.acceptance.console.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The acceptance journey through the staff console only, in a real browser: an inquiry taken by
 * phone, moved through the pipeline, screened by a clinician, enrolled with a preview of the first
 * sessions; the group's attendance taken on one screen; the missed session in the clinician's work;
 * two plan versions compared; a progress note's form and a plan review; discharge, and the discharge
 * summary completed, signed and amended on its note page; the chart as a supervisor (who opened it), a scheduler (no
 * plan) and another clinician (not their client). The scheduler first sets up the track, meeting a
 * minute later. Each screen is checked with axe-core (WCAG 2.1 A and AA, no violation) and
 * photographed for docs/console.md.
 */
class ConsoleJourneyIT {

    static final String DANA = "Dana Whitfield, intake coordinator";
    static final String OKAFOR = "Ngozi Okafor, clinician";
    static final String REYES = "Luis Reyes, clinician";
    static final String TOMAS = "Tomas Ferreira, scheduler";
    static final String LINDQVIST = "Karin Lindqvist, clinical supervisor";

    /**
     * How far ahead the journey's track meets at least: the steps up to the enrollment (about 40 s
     * on two cores) must be done before it begins, or today's meeting is not booked. Nothing waits
     * for it: scheduling's clock is moved to the meeting once the client is enrolled.
     */
    private static final Duration TRACK_LEAD = Duration.ofSeconds(120);

    private static AcceptancePlatform platform;
    private static Journey journey;
    private static Browser browser;
    private static final Map<String, List<String>> VIOLATIONS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        platform = AcceptancePlatform.get();
        journey = new Journey(platform);
        browser = Browser.start(platform.consoleUrl);
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anInquiryBecomesAClientWhoseCareIsRecordedAndWhoIsDischargedThroughTheConsoleOnly() {
        // the scheduler sets up a track meeting in a minute or two (in scheduling's time, which an
        // earlier test may have moved ahead of the real one)
        long begin = System.nanoTime();
        ZonedDateTime schedulingNow = journey.staff.schedulingNow().atZone(platform.zone);
        LocalTime meeting = schedulingNow
                .plus(TRACK_LEAD)
                .truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1)
                .toLocalTime();
        Instant groupStart = ZonedDateTime.of(schedulingNow.toLocalDate(), meeting, platform.zone)
                .toInstant();
        signInAs(TOMAS);
        browser.open("/tracks");
        click("New track");
        type("code", "CONSOLE");
        type("name", "Console journey track");
        type("timeZone", platform.zone.getId());
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            WebElement box = browser.driver().findElement(By.id("day-" + day));
            if (box.isSelected() != journey.staff.todayAndTwoMore().contains(day)) {
                box.click();
            }
        }
        type("localStart", meeting.toString());
        type("localEnd", meeting.plusHours(3).toString());
        screen("16-track-form");
        click("Save track");
        assertThat(browser.driver().findElement(By.cssSelector(".notice")).getText())
                .isEqualTo("Track CONSOLE saved.");
        Person ana = Person.numbered("Ana", "Console", 41);

        // the intake coordinator takes the call
        signInAs(DANA);
        browser.open("/inquiries");
        screen("03-inquiries");
        click("Take an inquiry by phone");
        type("firstName", ana.firstName());
        type("lastName", ana.lastName());
        type("phone", ana.phone());
        select("preferredChannel", "SMS");
        select("referralSource", "PRIMARY_CARE");
        type("helpWith", "Low mood since the winter");
        // a missing consent is shown next to its field, and nothing is saved
        click("Save inquiry");
        assertThat(fieldError("contactConsent")).contains("must be given");
        check("contactConsent");
        screen("04-new-inquiry");
        click("Save inquiry");
        assertThat(browser.path()).startsWith("/inquiries/");
        String inquiryPath = browser.path();
        assertThat(text("inquiry-status")).isEqualTo("NEW");
        moveTo("CONTACTED", "Called back, screening booked");
        moveTo("SCREENING", "");
        screen("05-inquiry");

        // the clinician screens
        signInAs(OKAFOR);
        browser.open(inquiryPath);
        click("Screen");
        for (String dimension :
                List.of("withdrawal", "biomedical", "emotional", "readiness", "relapse", "environment")) {
            select(dimension, dimension.equals("emotional") ? "2" : "1");
        }
        for (int i = 1; i <= 9; i++) {
            select("phq9-" + i, i == 9 ? "0" : "2");
        }
        for (int i = 1; i <= 7; i++) {
            select("gad7-" + i, "1");
        }
        // the totals add up while the clinician answers
        assertThat(text("phq9-score")).isEqualTo("16");
        assertThat(text("gad7-score")).isEqualTo("7");
        select("currentCare", "OUTPATIENT");
        screen("06-screening-form");
        click("Record screening");
        assertThat(text("recommended-level")).isEqualTo("IOP");
        screen("07-screening-result");

        // the intake coordinator enrolls, seeing the first sessions before confirming
        signInAs(DANA);
        browser.open(inquiryPath);
        click("Enroll");
        check("smsConsent");
        select("trackCode", "CONSOLE");
        type("startDate", LocalDate.now(platform.zone).toString());
        select("primaryClinicianId", "clin-okafor");
        click("Preview first sessions");
        assertThat(browser.driver().findElements(By.cssSelector(".preview li")))
                .as("the first sessions shown before enrolling")
                .hasSizeGreaterThanOrEqualTo(3);
        screen("08-enrollment");
        click("Enroll");
        assertThat(browser.path()).startsWith("/clients/");
        String chartPath = browser.path();
        String clientId = chartPath.substring("/clients/".length());
        assertThat(text("client-track")).isEqualTo("CONSOLE");

        double enrolledAfter = (System.nanoTime() - begin) / 1e9;

        // the intake coordinator finds the client by name and by phone
        browser.open("/clients");
        type("q", "ana cons");
        click("Search");
        assertThat(browser.driver().findElements(By.cssSelector("#search-results a[href='" + chartPath + "']")))
                .isNotEmpty();
        screen("13-client-search");
        browser.open("/clients?q=" + ana.phone().substring(ana.phone().length() - 7));
        assertThat(browser.driver().findElements(By.cssSelector("#search-results a[href='" + chartPath + "']")))
                .isNotEmpty();

        // the clinician writes the first plan version
        signInAs(OKAFOR);
        // treatment-plan opens the draft when it hears of the enrollment
        await("the draft plan on the chart", Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.open(chartPath);
            assertThat(browser.driver().findElements(By.id("plan-status")))
                    .extracting(WebElement::getText)
                    .containsExactly("DRAFT");
        });
        click("Write a new version");
        select("category", "MENTAL_HEALTH");
        type("problem", "Low mood most days since the winter");
        type("goal", "Back at work three days a week");
        type("objective", "Attend every group this month");
        type("reason", "First plan, agreed with the client");
        screen("10-plan-version");
        click("Save version");
        assertThat(browser.path()).isEqualTo(chartPath);
        assertThat(text("plan-version")).isEqualTo("1");
        screen("11-client-chart");
        // a second version, compared with the first
        click("Write a new version");
        select("category", "PSYCHOSOCIAL");
        type("problem", "Isolated since leaving work");
        type("goal", "Meet a friend every week");
        type("reason", "Added at the first review");
        click("Save version");
        assertThat(text("plan-version")).isEqualTo("2");
        click("Compare with version 1");
        assertThat(browser.driver().findElements(By.cssSelector(".diff li.added")))
                .extracting(WebElement::getText)
                .anySatisfy(line -> assertThat(line).contains("Meet a friend every week"));
        assertThat(browser.driver().findElements(By.cssSelector(".diff li.kept")))
                .extracting(WebElement::getText)
                .anySatisfy(line -> assertThat(line).contains("Back at work three days a week"));
        screen("15-plan-diff");
        // a PHQ-9 during care, drawn on the chart
        browser.open(chartPath);
        click("Give a PHQ-9 or GAD-7");
        for (int i = 1; i <= 9; i++) {
            select("phq9-" + i, i <= 6 ? "2" : "0");
        }
        assertThat(text("phq9-score")).isEqualTo("12");
        click("Record assessment");
        assertThat(browser.driver().findElement(By.cssSelector(".notice")).getText())
                .isEqualTo("Recorded: PHQ-9 total 12.");
        WebElement trend = browser.driver().findElement(By.cssSelector("figure.trend"));
        assertThat(trend.findElement(By.tagName("figcaption")).getText()).startsWith("PHQ-9 totals, oldest first: 12");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", trend);
        screen("17-assessment-trend");
        // a progress note in DAP: the plan's objectives to rate; a note names its session, and the
        // service's refusal is shown beside the field, with what was typed kept
        browser.open(chartPath);
        click("Write a progress note");
        assertThat(new Select(browser.driver().findElement(By.id("objective")))
                        .getOptions().stream().map(WebElement::getText))
                .contains("Back at work three days a week › Attend every group this month");
        type("data", "Slept better; went to two groups");
        type("assessment", "Mood lifting slowly");
        type("plan", "Keep the sleep diary");
        select("objective", "1.1.1");
        select("rating", "SOME_PROGRESS");
        screen("18-progress-note");
        click("Save draft");
        assertThat(fieldError("sessionId")).isNotBlank();
        assertThat(browser.driver().findElement(By.id("data")).getAttribute("value"))
                .isEqualTo("Slept better; went to two groups");
        // the plan's review, recorded on the chart
        browser.open(chartPath);
        type("participants", "client, clin-okafor");
        select("outcome", "KEEP");
        type("review-note", "Goals agreed; next review in a month");
        click("Record review");
        assertThat(browser.driver().findElement(By.cssSelector(".notice")).getText())
                .startsWith("Review recorded");
        assertThat(browser.driver().findElement(By.id("plan-reviews")).getText())
                .contains("client, clin-okafor", "Goals agreed");

        // another clinician's chart is not theirs; the scheduler sees the schedule but not the plan
        signInAs(REYES);
        browser.open(chartPath);
        assertThat(heading()).isEqualTo("Not available");
        signInAs(TOMAS);
        browser.open(chartPath);
        assertThat(sectionText("h-plan")).contains("Your role does not allow this.");
        assertThat(sectionText("h-schedule")).doesNotContain("Your role does not allow this.");

        browser.open("/tracks");
        screen("14-tracks");

        // the clinician takes the group's attendance once it has begun (for scheduling, whose clock
        // moves ahead instead of waiting; the suite's later tests do not depend on its time): the
        // client did not come
        signInAs(OKAFOR);
        journey.awaitSessions(clientId);
        Duration early = Duration.between(journey.staff.schedulingNow(), groupStart.plusSeconds(20));
        if (!early.isNegative()) {
            assertThat(journey.staff.advanceSchedulingClock(early).status()).isEqualTo(200);
        }
        System.out.printf(
                "[console] enrolled %.1f s after the track was made; scheduling's clock moved %d s ahead%n",
                enrolledAfter, Math.max(0, early.toSeconds()));
        browser.open("/groups?date=" + LocalDate.now(platform.zone));
        WebElement absent =
                browser.driver().findElement(By.cssSelector("input[name='mark-" + clientId + "'][value='ABSENT']"));
        absent.click();
        screen("09-groups");
        WebElement form = absent.findElement(By.xpath("ancestor::form"));
        clickAndAwaitNextPage(form.findElement(By.xpath(".//button[normalize-space()='Save attendance']")));
        assertThat(browser.driver().findElement(By.cssSelector(".notice")).getText())
                .isEqualTo("Attendance saved for 1 clients.");

        // the missed session reaches the clinician's work: the week is now below the minimum
        await("the missed week in My work", Duration.ofSeconds(60)).untilAsserted(() -> {
            browser.open("/");
            assertThat(browser.driver()
                            .findElements(By.xpath(
                                    "//tr[@data-kind='BELOW_WEEKLY_MINIMUM']//a[contains(@href,'" + clientId + "')]")))
                    .isNotEmpty();
        });
        screen("02-my-work");

        // discharge, by the clinician
        signInAs(OKAFOR);
        browser.open(chartPath);
        type("effectiveDate", LocalDate.now(platform.zone).toString());
        select("reason", "STEPPED_DOWN");
        click("Discharge");
        assertThat(browser.driver().findElement(By.cssSelector(".notice")).getText())
                .isEqualTo("Discharged.");
        assertThat(text("client-status")).contains("discharged");
        // the discharge summary treatment-plan drafted: completed, signed and amended on its page
        await("the discharge summary on the chart", Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.open(chartPath);
            assertThat(browser.driver().findElements(By.xpath("//a[normalize-space()='Open discharge summary note']")))
                    .isNotEmpty();
        });
        click("Open discharge summary note");
        assertThat(text("note-status")).isEqualTo("Draft");
        click("Sign the note");
        assertThat(browser.driver().findElement(By.cssSelector(".notice")).getText())
                .as("signing without the aftercare plan is refused")
                .contains("aftercare");
        type("aftercare", "Weekly outpatient therapy; peer support group on Thursdays");
        select("levelOfCare", "OUTPATIENT");
        type("provider", "Riverside Community Clinic");
        click("Save a new version");
        assertThat(text("note-version")).isEqualTo("2");
        click("Sign the note");
        assertThat(text("note-status")).isEqualTo("Signed");
        type("text", "Referral letter sent to the clinic on the day of discharge.");
        click("Add the addendum");
        assertThat(text("note-addenda")).contains("Referral letter sent");
        screen("19-discharge-summary");
        browser.open(chartPath);
        assertThat(browser.driver().findElement(By.id("client-notes")).getText())
                .contains("Discharge summary", "Signed");

        // the supervisor sees who opened the chart
        signInAs(LINDQVIST);
        browser.open(chartPath);
        assertThat(sectionText("h-audit")).contains("clin-okafor", "clin-reyes", "sched-tomas");
        screen("12-chart-audit");

        assertThat(VIOLATIONS).as("axe-core violations by screen").isEmpty();
    }

    // --- steps -----------------------------------------------------------------------------------

    private static void signInAs(String title) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/sign-in");
        browser.driver()
                .findElement(By.xpath("//label[normalize-space()='" + title + "']"))
                .click();
        click("Sign in");
        assertThat(heading()).isEqualTo("My work");
    }

    private static void moveTo(String status, String note) {
        select("status", status);
        type("note", note);
        click("Save");
        assertThat(text("inquiry-status")).isEqualTo(status);
    }

    /** Checks the page with axe-core and photographs it. */
    private static void screen(String name) {
        List<String> found = browser.axe();
        if (!found.isEmpty()) {
            VIOLATIONS.put(name + " " + browser.path(), new ArrayList<>(found));
        }
        browser.screenshot(name);
    }

    private static void click(String text) {
        List<WebElement> found = browser.driver()
                .findElements(By.xpath("//main//button[normalize-space()='" + text
                        + "'] | //main//a[normalize-space()='" + text + "']"));
        assertThat(found)
                .as("a button or link '%s' on %s", text, browser.path())
                .isNotEmpty();
        clickAndAwaitNextPage(found.get(0));
    }

    /** Every button and link of the console loads a new page: wait for it before reading it. */
    private static void clickAndAwaitNextPage(WebElement target) {
        browser.clickAndAwaitNextPage(target);
    }

    private static void type(String id, String value) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        if (field.getAttribute("type").equals("date")
                || field.getAttribute("type").equals("time")) {
            // a date input takes the date as the browser's locale writes it; set it as the form sends it
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("arguments[0].value = arguments[1]", field, value);
        } else {
            field.sendKeys(value);
        }
    }

    private static void select(String id, String value) {
        new Select(browser.driver().findElement(By.id(id))).selectByValue(value);
    }

    private static void check(String id) {
        if (id == null) {
            return;
        }
        WebElement box = browser.driver().findElement(By.id(id));
        if (!box.isSelected()) {
            box.click();
        }
    }

    private static String text(String id) {
        return browser.driver().findElement(By.id(id)).getText().strip();
    }

    private static String fieldError(String id) {
        return browser.driver()
                .findElement(By.xpath("//*[@id='" + id + "']/following-sibling::p[contains(@class,'field-error')]"))
                .getText();
    }

    private static String sectionText(String headingId) {
        return browser.driver()
                .findElement(By.xpath("//section[@aria-labelledby='" + headingId + "']"))
                .getText();
    }

    private static String heading() {
        return browser.driver().findElement(By.tagName("h1")).getText();
    }
}
