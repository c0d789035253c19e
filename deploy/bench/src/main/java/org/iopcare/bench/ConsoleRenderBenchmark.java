package org.iopcare.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * How fast the staff console renders its screens with a clinic's worth of clients, beside the raw
 * cost of the service reads behind them, measured in the same run.
 *
 * <p>Against a running local run ({@code ./run-local.sh}), it first loads {@code --clients} clients through the services' public APIs (inquiry, screening,
 * enrollment on the seeded tracks, half on each of two clinicians' caseloads), then signs in to the
 * console as a clinician and as the intake coordinator and requests each screen {@code --samples}
 * times after a warm-up, one request at a time, as a staff member clicking would. It prints p50, p95
 * and the maximum per screen, and for the baselines the same figures for the single service read
 * each screen needs the most of, sent directly with the same token, and for the console's own
 * health endpoint (the HTTP floor).
 */
public final class ConsoleRenderBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String console;
    private final String intake;
    private final String scheduling;
    private final String treatmentPlan;
    private final Http http = new Http();
    private final ClientLoader loader;

    private ConsoleRenderBenchmark(String console, String intake, String scheduling, String treatmentPlan) {
        this.console = console;
        this.intake = intake;
        this.scheduling = scheduling;
        this.treatmentPlan = treatmentPlan;
        this.loader = new ClientLoader(http, intake);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        ConsoleRenderBenchmark bench = new ConsoleRenderBenchmark(
                options.get("console", "http://127.0.0.1:8080"),
                options.get("intake", "http://127.0.0.1:8081"),
                options.get("scheduling", "http://127.0.0.1:8082"),
                options.get("treatment-plan", "http://127.0.0.1:8083"));
        int clients = options.integer("clients", 500);
        int samples = options.integer("samples", 100);
        ZoneId zone = ZoneId.of(options.get("zone", "America/New_York"));
        bench.run(clients, samples, zone);
    }

    private void run(int clients, int samples, ZoneId zone) throws Exception {
        System.out.printf(
                "IOP Care console render benchmark: Java %s, %d cores, %s, %d samples per screen%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                clients > 0 ? clients + " clients to load" : "the clients an earlier run loaded",
                samples);
        String dana = http.token(intake, "intake-dana", "INTAKE_COORDINATOR");
        String okafor = http.token(intake, "clin-okafor", "CLINICIAN");
        String reyes = http.token(intake, "clin-reyes", "CLINICIAN");

        Loaded loaded = clients > 0 ? load(clients, dana, okafor, reyes, zone) : loadedBefore(dana, okafor);

        Console asOkafor = signIn("clin-okafor");
        Console asDana = signIn("intake-dana");
        String chart = "/clients/" + loaded.okaforClient();
        String meetingDay = ClientLoader.nextMeetingDay(zone).toString();

        List<Row> rows = new ArrayList<>();
        rows.add(measure(
                "console /actuator/health (HTTP floor)",
                samples,
                () -> Http.ok(http.get(console + "/actuator/health", null)).statusCode()));
        rows.add(measure("My work (clinician)", samples, () -> asOkafor.get("/")));
        rows.add(measure(
                "  baseline: scheduling GET /api/work-items",
                samples,
                () -> Http.ok(http.get(scheduling + "/api/work-items?size=200", okafor))
                        .statusCode()));
        rows.add(measure("Client chart (clinician)", samples, () -> asOkafor.get(chart)));
        rows.add(measure(
                "  baseline: treatment-plan GET /api/clients/{id}/plan",
                samples,
                () -> Http.ok(http.get(treatmentPlan + "/api/clients/" + loaded.okaforClient() + "/plan", okafor))
                        .statusCode()));
        rows.add(measure(
                "Today's groups (clinician, " + meetingDay + ")",
                samples,
                () -> asOkafor.get("/groups?date=" + meetingDay)));
        rows.add(measure(
                "  baseline: scheduling GET /api/group-sessions",
                samples,
                () -> Http.ok(http.get(scheduling + "/api/group-sessions?date=" + meetingDay, okafor))
                        .statusCode()));
        rows.add(measure("Plan version form (clinician)", samples, () -> asOkafor.get(chart + "/plan/version")));
        rows.add(measure("Inquiries board (intake)", samples, () -> asDana.get("/inquiries")));
        rows.add(measure(
                "  baseline: intake GET /api/inquiries?status=NEW",
                samples,
                () -> Http.ok(http.get(intake + "/api/inquiries?status=NEW&size=100", dana))
                        .statusCode()));
        rows.add(measure("Client search 'bench' (intake)", samples, () -> asDana.get("/clients?q=bench")));
        rows.add(measure(
                "  baseline: intake GET /api/clients?q=bench",
                samples,
                () -> Http.ok(http.get(intake + "/api/clients?q=bench&size=50", dana))
                        .statusCode()));
        rows.add(measure("Inquiry (intake)", samples, () -> asDana.get("/inquiries/" + loaded.openInquiry())));
        rows.add(measure(
                "Enrollment form (intake)",
                samples,
                () -> asDana.get("/inquiries/" + loaded.openInquiry() + "/enrollment")));
        rows.add(measure("Tracks (intake)", samples, () -> asDana.get("/tracks")));

        System.out.println();
        System.out.printf("%-58s %8s %8s %8s%n", "screen (one request at a time)", "p50 ms", "p95 ms", "max ms");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "%-58s %8.1f %8.1f %8.1f%n", row.name(), row.p50(), row.p95(), row.max());
        }
    }

    // --- loading ---------------------------------------------------------------------------------

    private record Loaded(String okaforClient, String openInquiry) {}

    private Loaded load(int count, String dana, String okafor, String reyes, ZoneId zone) throws Exception {
        long begin = System.nanoTime();
        String run = Long.toString(System.currentTimeMillis() % 100000, 36);
        LocalDate start = ClientLoader.nextMeetingDay(zone);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> enrolled = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            boolean toOkafor = n % 2 == 0;
            enrolled.add(pool.submit(() -> loader.enroll(
                    run, n, start, dana, toOkafor ? okafor : reyes, toOkafor ? "clin-okafor" : "clin-reyes", zone)));
        }
        String okaforClient = null;
        for (int i = 0; i < enrolled.size(); i++) {
            String client = enrolled.get(i).get();
            if (i % 2 == 0 && okaforClient == null) {
                okaforClient = client;
            }
        }
        pool.shutdown();
        String open = loader.inquiry(run, count, dana);
        loader.screen(open, okafor);
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "loaded %d clients in %.1f s (%.1f enrollments/s, 4 requests each)%n",
                count,
                seconds,
                count / seconds);
        return new Loaded(okaforClient, open);
    }

    /** With {@code --clients=0}: the clients an earlier run loaded (a client of Okafor's, an inquiry to enroll). */
    private Loaded loadedBefore(String dana, String okafor) throws IOException, InterruptedException {
        JsonNode client = http.getJson(intake + "/api/clients?clinician=clin-okafor&size=1", okafor)
                .path("content")
                .path(0);
        JsonNode inquiry = http.getJson(intake + "/api/inquiries?status=SCREENING&size=1", dana)
                .path("content")
                .path(0);
        if (client.isMissingNode() || inquiry.isMissingNode()) {
            throw new IllegalStateException("No clients loaded yet: run with --clients=500 first");
        }
        return new Loaded(client.get("id").asString(), inquiry.get("id").asString());
    }

    // --- the console as a browser uses it ----------------------------------------------------------

    /** A signed-in browser session: cookies kept, redirects not followed. */
    private final class Console {
        private final HttpClient browser;

        Console(HttpClient browser) {
            this.browser = browser;
        }

        int get(String path) throws IOException, InterruptedException {
            HttpResponse<String> page = new Http(browser).get(console + path, null);
            if (page.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + page.statusCode());
            }
            return page.statusCode();
        }
    }

    private Console signIn(String staffId) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> page = new Http(browser).get(console + "/sign-in", null);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("The console's sign-in page has no form: is it the local run?");
        }
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(console + "/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "staffId=" + URLEncoder.encode(staffId, StandardCharsets.UTF_8) + "&_csrf="
                                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302) {
            throw new IllegalStateException("Signing in as " + staffId + " answered " + signedIn.statusCode());
        }
        return new Console(browser);
    }

    // --- measuring ---------------------------------------------------------------------------------

    private record Row(String name, double p50, double p95, double max) {}

    private interface Request {
        int send() throws Exception;
    }

    private static Row measure(String name, int samples, Request request) throws Exception {
        int warmUp = Math.max(10, samples / 5);
        for (int i = 0; i < warmUp; i++) {
            request.send();
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long begin = System.nanoTime();
            request.send();
            millis[i] = (System.nanoTime() - begin) / 1e6;
        }
        Arrays.sort(millis);
        return new Row(name, percentile(millis, 50), percentile(millis, 95), millis[millis.length - 1]);
    }

    private static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
