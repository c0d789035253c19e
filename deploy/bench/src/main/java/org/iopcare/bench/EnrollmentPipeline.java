package org.iopcare.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iopcare.local.ServiceSpec;
import tools.jackson.databind.JsonNode;

/**
 * Enrollments with their whole fan-out: {@code clients} clients taken from inquiry to enrollment
 * by {@code threads} staff at once ({@link ClientLoader}), then timed until every service shows its
 * part for every one of them — scheduling their sessions, treatment-plan their draft plan,
 * notification their welcome message (sent after {@code iopcare.notification.reminders.welcome-delay},
 * 30 s by default, once the first sessions arrived).
 */
final class EnrollmentPipeline {

    /** Seats per benchmark track: the most a track takes. */
    static final int TRACK_SEATS = 100;

    /** Seconds until the last enrollment answered, and until the last client's fan-out was complete. */
    record Result(int clients, double enrolledSeconds, double fannedOutSeconds) {
        double enrollmentsPerSecond() {
            return clients / fannedOutSeconds;
        }
    }

    private final Platform platform;
    private final Http http = new Http();
    private final int clients;
    private final int threads;
    private final ZoneId zone;

    EnrollmentPipeline(Platform platform, int clients, int threads, ZoneId zone) {
        this.platform = platform;
        this.clients = clients;
        this.threads = threads;
        this.zone = zone;
    }

    Result run() throws Exception {
        String intake = platform.url(ServiceSpec.INTAKE);
        String dana = http.token(intake, "intake-dana", "INTAKE_COORDINATOR");
        String okafor = http.token(intake, "clin-okafor", "CLINICIAN", "SCHEDULER", "INTAKE_COORDINATOR");
        ClientLoader loader = new ClientLoader(http, intake);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> tracks = tracks(run, okafor);
        long begin = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> enrolled = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int n = i;
            enrolled.add(pool.submit(() -> loader.enroll(
                    run,
                    n,
                    tracks.get(n / TRACK_SEATS),
                    ClientLoader.nextMeetingDay(zone),
                    dana,
                    okafor,
                    "clin-okafor",
                    zone)));
        }
        List<String> outstanding = new ArrayList<>();
        for (Future<String> client : enrolled) {
            outstanding.add(client.get());
        }
        pool.shutdown();
        double enrolledSeconds = (System.nanoTime() - begin) / 1e9;
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (!outstanding.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(outstanding.size() + " clients lack their fan-out after 5 minutes");
            }
            List<String> still = new ArrayList<>();
            for (String client : outstanding) {
                if (!fannedOut(client, okafor)) {
                    still.add(client);
                }
            }
            outstanding = still;
            if (!outstanding.isEmpty()) {
                Thread.sleep(250);
            }
        }
        double fannedOutSeconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "  enrollment: %d clients enrolled in %.1f s, fanned out to every service after %.1f s%n",
                clients,
                enrolledSeconds,
                fannedOutSeconds);
        return new Result(clients, enrolledSeconds, fannedOutSeconds);
    }

    /**
     * Tracks of the run with a seat for every client (a waitlisted client has no sessions to fan
     * out), meeting on the seeded tracks' days.
     */
    private List<String> tracks(String run, String scheduler) throws IOException, InterruptedException {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i * TRACK_SEATS < clients; i++) {
            String code = ("BENCH-" + run + "-" + i).toUpperCase(Locale.ROOT);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", code);
            body.put("name", "Benchmark track " + code);
            body.put("timeZone", zone.getId());
            body.put("meetingDays", List.of("MONDAY", "WEDNESDAY", "FRIDAY"));
            body.put("localStart", "09:00");
            body.put("localEnd", "12:00");
            body.put("capacity", TRACK_SEATS);
            body.put("ageGroup", "ADULT");
            body.put(
                    "components",
                    List.of(
                            Map.of("kind", "GROUP_THERAPY", "minutes", 90),
                            Map.of("kind", "PSYCHOEDUCATION", "minutes", 60),
                            Map.of("kind", "SUPPORT_GROUP", "minutes", 30)));
            http.send("POST", platform.url(ServiceSpec.SCHEDULING) + "/api/tracks", scheduler, body, 201);
            codes.add(code);
        }
        return codes;
    }

    private boolean fannedOut(String client, String token) throws Exception {
        HttpResponse<String> sessions =
                http.get(platform.url(ServiceSpec.SCHEDULING) + "/api/clients/" + client + "/sessions", token);
        if (sessions.statusCode() != 200 || Http.JSON.readTree(sessions.body()).isEmpty()) {
            return false;
        }
        if (http.get(platform.url(ServiceSpec.TREATMENT_PLAN) + "/api/clients/" + client + "/plan", token)
                        .statusCode()
                != 200) {
            return false;
        }
        HttpResponse<String> messages =
                http.get(platform.url(ServiceSpec.NOTIFICATION) + "/api/clients/" + client + "/messages", token);
        if (messages.statusCode() != 200) {
            return false;
        }
        for (JsonNode message : Http.JSON.readTree(messages.body())) {
            if ("WELCOME".equals(message.path("kind").asString())) {
                return true;
            }
        }
        return false;
    }
}
