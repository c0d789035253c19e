package org.iopcare.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import tools.jackson.databind.JsonNode;

/**
 * Finds each inquirer's acknowledgement on the SMS sandbox's log ({@code GET /sandbox/sms?to=}, the
 * local run's stand-in for the provider): when it was handed over, and that it was handed over
 * exactly once. The sandbox keeps the newest {@code iopcare.notification.sandbox.keep} messages.
 */
final class Acknowledgements {

    /** The pipeline at one rate: POSTs, acknowledgements found once, missing and repeated, and timings. */
    record Findings(
            double rate,
            int posts,
            double postP99,
            int acknowledgedOnce,
            int missing,
            int repeated,
            double smsP50,
            double smsP99,
            double handedOverPerSecond) {}

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);

    private final Platform platform;
    private final HttpClient client;
    private final String notification;

    Acknowledgements(Platform platform, HttpClient client, String notification) {
        this.platform = platform;
        this.client = client;
        this.notification = notification;
    }

    /**
     * Waits until what earlier load queued has gone out: intake's outbox holds no inquiry and
     * notification no queued acknowledgement, twice in a row a second apart.
     */
    void awaitQuiet(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quiet = 0;
        try (Connection connection = platform.connect();
                Statement statement = connection.createStatement()) {
            while (quiet < 2) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("notification did not send the ramp's acknowledgements in time");
                }
                long waiting =
                        count(statement, "SELECT count(*) FROM intake.outbox_event WHERE topic = 'inquiry-received'")
                                + count(
                                        statement,
                                        "SELECT count(*) FROM notification.message WHERE status = 'QUEUED'"
                                                + " AND kind = 'INQUIRY_ACKNOWLEDGEMENT'");
                quiet = waiting == 0 ? quiet + 1 : 0;
                if (quiet < 2) {
                    Thread.sleep(1000);
                }
            }
        }
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    Findings lookUp(List<OpenLoad.Sent> sent, LongFunction<String> phoneOf, double rate) throws Exception {
        Map<Long, Instant> handedOver = new HashMap<>();
        List<OpenLoad.Sent> accepted =
                sent.stream().filter(s -> s.status() == 201).toList();
        List<OpenLoad.Sent> outstanding = new ArrayList<>(accepted);
        long lastProgress = System.nanoTime();
        while (!outstanding.isEmpty() && System.nanoTime() - lastProgress < GIVE_UP_AFTER.toNanos()) {
            List<OpenLoad.Sent> still = new ArrayList<>();
            for (OpenLoad.Sent s : outstanding) {
                List<Instant> times = smsTo(phoneOf.apply(s.index()));
                if (times.isEmpty()) {
                    still.add(s);
                } else {
                    handedOver.put(s.index(), times.get(0));
                    lastProgress = System.nanoTime();
                }
            }
            outstanding = still;
            if (!outstanding.isEmpty()) {
                Thread.sleep(200);
            }
        }
        int repeated = 0;
        for (OpenLoad.Sent s : accepted) {
            if (handedOver.containsKey(s.index())
                    && smsTo(phoneOf.apply(s.index())).size() > 1) {
                repeated++;
            }
        }
        double[] latencies = accepted.stream()
                .filter(s -> handedOver.containsKey(s.index()))
                .mapToDouble(s ->
                        Duration.between(s.due(), handedOver.get(s.index())).toNanos() / 1e6)
                .sorted()
                .toArray();
        Instant from = sent.get(0).due();
        double seconds = sent.size() / rate;
        Instant to = from.plusNanos((long) (seconds * 1e9));
        long inWindow = handedOver.values().stream()
                .filter(t -> !t.isBefore(from) && t.isBefore(to))
                .count();
        return new Findings(
                rate,
                sent.size(),
                OpenLoad.percentile(sent, 99),
                handedOver.size() - repeated,
                accepted.size() - handedOver.size() + (sent.size() - accepted.size()),
                repeated,
                Percentiles.of(latencies, 50),
                Percentiles.of(latencies, 99),
                inWindow / seconds);
    }

    /** When each SMS to {@code phone} reached the sandbox, oldest first. */
    private List<Instant> smsTo(String phone) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        notification + "/sandbox/sms?to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        JsonNode list = Http.JSON.readTree(Http.ok(client.send(request, HttpResponse.BodyHandlers.ofString()))
                .body());
        List<Instant> times = new ArrayList<>();
        for (JsonNode sms : list) {
            times.add(0, Instant.parse(sms.get("time").asString()));
        }
        return times;
    }
}
